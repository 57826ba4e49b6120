# Personalens konton och inloggning.

error-sign-in-failed = E-postadressen eller lösenordet är fel. Kontrollera dem och försök igen.
error-sign-in-locked = Inloggningen misslyckades för många gånger. Vänta 15 minuter och försök sedan igen.
error-not-signed-in = Logga in för att fortsätta.
error-staff-email = Ange e-postadressen i formen namn@exempel.fi.
error-staff-name = Ange ett namn, högst 100 tecken.
error-staff-roles = Välj minst en roll.
error-staff-email-taken = Det finns redan ett konto med den här e-postadressen.
error-staff-team = Välj ett av tjänstens team.
error-password-too-short = Lösenordet måste ha minst 12 tecken.
error-password-too-long = Lösenordet får ha högst 128 tecken.
error-password-too-common = Lösenordet är för lätt att gissa. Använd till exempel fyra slumpmässiga ord utan ditt namn eller din e-postadress.

staff-sign-in-title = Inloggning för personalen
staff-sign-in = Logga in
staff-email = E-postadress
staff-password = Lösenord
staff-password-set = Lösenordet är sparat. Logga in nu.
staff-signed-out = Du har loggat ut.
staff-password-title = Välj lösenord
staff-password-hint = Minst 12 tecken. Fyra slumpmässiga ord är till exempel lätta att minnas och svåra att gissa.
staff-new-password = Nytt lösenord
staff-new-password-again = Nytt lösenord en gång till
staff-password-save = Spara lösenordet
staff-home-title = Personalens sidor
staff-name = Namn
staff-roles = Roller
staff-role-admin = Administratör
staff-role-editor = Redaktör
staff-role-agent = Handläggare
staff-sign-out = Logga ut
staff-sign-out-everywhere = Logga ut på alla enheter
error-password-mismatch = Lösenorden är olika. Skriv samma lösenord i båda fälten.
error-password-link = Länken är redan använd eller har gått ut. Be administratören om en ny länk.
