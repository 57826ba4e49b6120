# Henkilökunnan tilit ja kirjautuminen.

error-sign-in-failed = Sähköpostiosoite tai salasana on väärin. Tarkista ne ja yritä uudelleen.
error-sign-in-locked = Kirjautuminen epäonnistui liian monta kertaa. Odota 15 minuuttia ja yritä sitten uudelleen.
error-not-signed-in = Kirjaudu sisään jatkaaksesi.
error-staff-email = Anna sähköpostiosoite muodossa nimi@esimerkki.fi.
error-staff-name = Anna nimi, enintään 100 merkkiä.
error-staff-roles = Valitse vähintään yksi rooli.
error-staff-email-taken = Tällä sähköpostiosoitteella on jo tili.
error-staff-team = Valitse tiimi niistä, jotka palvelussa on.
error-password-too-short = Salasanassa on oltava vähintään 12 merkkiä.
error-password-too-long = Salasanassa voi olla enintään 128 merkkiä.
error-password-too-common = Salasana on liian helppo arvata. Käytä esimerkiksi neljää satunnaista sanaa, joissa ei ole nimeäsi eikä sähköpostiosoitettasi.
