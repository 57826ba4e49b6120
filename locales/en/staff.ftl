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
