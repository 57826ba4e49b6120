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
