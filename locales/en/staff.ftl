# Staff accounts and signing in.

error-sign-in-failed = The e-mail address or password is wrong. Check them and try again.
error-sign-in-locked = Signing in failed too many times. Wait 15 minutes and then try again.
error-not-signed-in = Sign in to continue.
error-staff-email = Enter the e-mail address as name@example.com.
error-staff-name = Enter a name of at most 100 characters.
error-staff-roles = Choose at least one role.
error-staff-email-taken = There is already an account with this e-mail address.
error-staff-team = Choose one of the service’s teams.
error-password-too-short = The password must have at least 12 characters.
error-password-too-long = The password can have at most 128 characters.
error-password-too-common = The password is too easy to guess. Use, for example, four random words without your name or e-mail address.

staff-sign-in-title = Staff sign-in
staff-sign-in = Sign in
staff-email = E-mail address
staff-password = Password
staff-password-set = Your password is set. Sign in now.
staff-signed-out = You have signed out.
staff-password-title = Set your password
staff-password-hint = At least 12 characters. Four random words, for example, are easy to remember and hard to guess.
staff-new-password = New password
staff-new-password-again = New password again
staff-password-save = Save the password
staff-home-title = Staff pages
staff-name = Name
staff-roles = Roles
staff-role-admin = Administrator
staff-role-editor = Editor
staff-role-agent = Agent
staff-sign-out = Sign out
staff-sign-out-everywhere = Sign out on every device
error-password-mismatch = The passwords differ. Type the same password in both fields.
error-password-link = The link has been used or has expired. Ask an administrator for a new one.
