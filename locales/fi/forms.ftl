## Ohjatut tukilomakkeet

help-title = Hae apua
help-description = Kerro ongelmastasi muutamalla vastauksella. Ehdotamme ratkaisuja matkan varrella, ja jos mikään ei auta, lähetät tukipyynnön.
help-lead = Valitse, mitä ongelmasi koskee. Kysymme muutaman kysymyksen yksi kerrallaan ja ehdotamme vastauksia matkan varrella. Jos mikään ei auta, tukipyyntösi menee asiakaspalveluun.
help-intro-how = Kysymme muutaman kysymyksen, yhden sivun kerrallaan. Joka vaiheessa näytämme vastauksia, jotka sopivat kertomaasi. Voit muuttaa vastauksiasi ennen lähettämistä.
help-start = Aloita
form-back = Takaisin
form-progress = Vaihe { $number }/{ $total }
form-continue = Jatka
form-optional = (vapaaehtoinen)
form-yes = Kyllä
form-no = Ei
form-select-prompt = Valitse…
form-error-summary = Korjaa nämä kohdat
form-error-prefix = Virhe:
form-error-title-prefix = Virhe: { $title }
form-suggestions-heading = Ratkaiseeko jokin näistä ongelman?
form-suggestions-hint = Vastaukset avautuvat uuteen välilehteen, joten voit palata tänne.
form-suggestions-updated = { $count ->
    [0] Kirjoittamaasi sopivia vastauksia ei vielä löytynyt.
    [one] Kirjoittamaasi sopii yksi vastaus.
   *[other] Kirjoittamaasi sopii { $count } vastausta.
}
form-solved = Tämä ratkaisi ongelmani
form-solved-title = Hienoa, että saimme autettua
form-solved-body = Ongelmasi ratkesi ilman tukipyyntöä. Jos se palaa, voit aina aloittaa uudelleen.
form-check-title = Tarkista vastauksesi
form-urgent-heading = Tee tämä ensin
form-check-next = Seuraavaksi annat yhteystietosi ja kuvaat ongelman omin sanoin.
form-change = Muuta
form-error-required = Vastaa tähän kysymykseen.
form-error-too-short = { $limit ->
    [one] Kirjoita vähintään { $limit } merkki.
   *[other] Kirjoita vähintään { $limit } merkkiä.
}
form-error-too-long = { $limit ->
    [one] Kirjoita enintään { $limit } merkki.
   *[other] Kirjoita enintään { $limit } merkkiä.
}
form-error-not-a-number = Anna luku, esimerkiksi 12 tai 3,5.
form-error-below-minimum = Anna luku, joka on vähintään { $limit }.
form-error-above-maximum = Anna luku, joka on enintään { $limit }.
form-error-pattern = Tarkista vastauksesi muoto.
form-error-email = Anna sähköpostiosoite muodossa nimi@esimerkki.fi.
form-error-tel = Anna puhelinnumero muodossa +358 40 123 4567.
form-error-date = Anna oikea päivämäärä, esimerkiksi 31.3.2026.
form-error-option = Valitse jokin vaihtoehdoista.
form-error-one-value = Valitse vain yksi vaihtoehto.
form-error-unknown-field = Lomakkeessa oli vastaus, jota se ei kysy. Lähetä se uudelleen.
contact-title = Yhteystietosi ja ongelman kuvaus
contact-name = Nimesi
contact-email = Sähköpostiosoite
contact-email-hint = Lähetämme vahvistuksen ja henkilökohtaisen linkin, josta voit seurata pyyntöäsi.
contact-phone = Puhelinnumero
contact-reply-language = Vastausten kieli
contact-description = Kuvaile ongelma omin sanoin
contact-description-hint = Mitä tapahtui, mitä olet jo kokeillut ja mahdolliset virheilmoitukset.
language-name-fi = suomi
language-name-sv = ruotsi
language-name-en = englanti
form-send = Lähetä
form-honeypot-label = Jätä tämä kenttä tyhjäksi
form-done-title = Pyyntösi on lähetetty
form-done-reference = Tukipyyntösi tunnus
form-done-body = Lähetimme vahvistuksen sähköpostiisi. Asiakaspalvelumme vastaa sinulle sitä kautta.
mail-greeting = Hei,
mail-not-you = Jos et lähettänyt tätä tukipyyntöä, voit jättää tämän viestin huomiotta. Tämän viestin linkki ei pyydä verkkopankkitunnuksiasi. { -security-line }
mail-confirmation-subject = Vastaanotimme tukipyyntösi { $reference }
mail-confirmation-body = Kiitos tukipyynnöstäsi. Sen tunnus on { $reference }. Asiakaspalvelumme vastaa sinulle tähän osoitteeseen.
mail-confirmation-link = Voit seurata pyyntöäsi, lisätä tietoja ja merkitä sen ratkaistuksi täällä:
mail-confirmation-private = Linkki on vain sinun: älä välitä tätä viestiä eteenpäin.
mail-signature = Asiakaspalvelu
ticket-status = Tila
ticket-sent-on = Lähetetty
ticket-status-new = Vastaanotettu
ticket-status-open = Käsittelyssä
ticket-status-waiting = Odottaa vastaustasi
ticket-status-resolved = Ratkaistu
ticket-status-closed = Suljettu
error-rate-limited = Osoitteestasi on tullut liian monta pyyntöä lyhyessä ajassa. Odota hetki ja yritä uudelleen.
ticket-conversation = Viestit
ticket-from-you = Sinä
ticket-from-desk = Asiakaspalvelu
ticket-add-label = Lisää tietoja
ticket-add-send = Lähetä
ticket-mark-solved = Ongelmani on ratkennut
ticket-updated = Kiitos, viestisi on lähetetty.
ticket-update-error = Kirjoita viesti, jossa on enintään 4 000 merkkiä.
