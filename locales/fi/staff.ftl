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

staff-sign-in-title = Henkilökunnan kirjautuminen
staff-sign-in = Kirjaudu sisään
staff-email = Sähköpostiosoite
staff-password = Salasana
staff-password-set = Salasana on asetettu. Kirjaudu nyt sisään.
staff-signed-out = Olet kirjautunut ulos.
staff-password-title = Aseta salasana
staff-password-hint = Vähintään 12 merkkiä. Helposti muistettava ja vaikeasti arvattava on esimerkiksi neljä satunnaista sanaa.
staff-new-password = Uusi salasana
staff-new-password-again = Uusi salasana uudelleen
staff-password-save = Tallenna salasana
staff-home-title = Henkilökunnan sivut
staff-name = Nimi
staff-roles = Roolit
staff-role-admin = Ylläpitäjä
staff-role-editor = Sisällöntuottaja
staff-role-agent = Käsittelijä
staff-sign-out = Kirjaudu ulos
staff-sign-out-everywhere = Kirjaudu ulos kaikilta laitteilta
error-password-mismatch = Salasanat eivät ole samat. Kirjoita sama salasana molempiin kenttiin.
error-password-link = Linkki on jo käytetty tai vanhentunut. Pyydä ylläpitäjältä uusi linkki.
