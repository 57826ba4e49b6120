# Sisällöntuottajien työtila: sisältöjen luettelo, muokkain ja tekstin versiohistoria.

workspace-title = Sisällöntuottajien työtila
workspace-open = Avaa sisällöntuottajien työtila
workspace-search = Otsikossa tai osoitteessa on
workspace-category = Aihe
workspace-status = Tila
workspace-translation = Käännös
workspace-language = Kielellä
workspace-any = Kaikki
workspace-any-language = Kaikki kielet
workspace-filter = Rajaa
workspace-count = { $count ->
    [one] Näytetään { $shown }/{ $total } sisältö.
   *[other] Näytetään { $shown }/{ $total } sisältöä.
}
workspace-previous = Edellinen sivu
workspace-next = Seuraava sivu
workspace-pages = Luettelon sivut
workspace-page = Sivu { $page }/{ $pages }
workspace-document = Sisältö
workspace-has-draft = luonnos odottaa
workspace-status-published = Julkaistu
workspace-status-draft = Ei julkaistu
workspace-state-source = Alkuperäinen
workspace-state-up-to-date = Ajan tasalla
workspace-state-out-of-date = Vanhentunut käännös
workspace-state-missing = Ei käännetty

editor-title = Muokkaa
editor-draft = Luonnos
editor-draft-waiting = Versio { $revision } on luonnos: asiakkaat näkevät julkaistun tekstin, kunnes julkaiset sen.
editor-no-draft = Ei julkaisemattomia muutoksia.
editor-history = Versiot ja muutokset
editor-customer-page = Avaa asiakkaiden näkemä sivu
editor-languages = Sisällön kielet
editor-outdated-heading = Tämä on vanhentunut käännös
editor-outdated-lead = Alkuperäinen teksti on muuttunut merkittävästi sen jälkeen, kun tämä käännös tehtiin. Muutokset:
editor-compare = Näytä muokkaimen vieressä
editor-compare-none = Ei mitään
editor-compare-show = Näytä
editor-field-title = Otsikko
editor-field-summary = Tiivistelmä
editor-field-body = Teksti
editor-field-body-hint = Markdown: ## aloittaa väliotsikon, - luettelon kohdan, 1. numeroidun vaiheen ja [teksti](osoite) on linkki.
editor-field-tags = Hakusanat
editor-field-tags-hint = Sanoja, joilla asiakkaat voisivat hakea, pilkuilla erotettuina.
editor-field-questions = Kysymykset, joihin teksti vastaa
editor-field-questions-hint = Kirjoita kysymykset niin kuin asiakas ne kysyisi, yksi riville. Ne löytyvät haulla, mutta niitä ei näytetä.
editor-change-source = Kuinka suuri muutos on? Merkittävä muutos merkitsee käännökset vanhentuneiksi.
editor-change = Kuinka suuri muutos on?
editor-change-typo = Kirjoitusvirhe tai muotoilu: merkitys pysyy samana
editor-change-minor = Pieni muutos
editor-change-major = Merkittävä muutos: merkitys muuttuu
editor-change-typo-short = Kirjoitusvirhe
editor-change-minor-short = Pieni
editor-change-major-short = Merkittävä
editor-field-note = Huomautus tästä versiosta (vapaaehtoinen)
editor-preview = Esikatsele
editor-save = Tallenna luonnos
editor-publish = Julkaise
editor-unpublish = Poista asiakkaiden sivuilta
editor-preview-hint = Esikatselu ja luonnoksen tallennus tallentavat tekstisi luonnosversioksi. Asiakkaat näkevät sen vasta, kun julkaiset sen.
editor-preview-heading = Esikatselu
editor-saved = Luonnos on tallennettu.
editor-published = Julkaistu. Asiakkaat näkevät tekstin, ja haku löytää sen.
editor-unpublished = Sisältö ei ole enää asiakkaiden sivuilla.
editor-restored = Vanha versio on nyt luonnos. Julkaise se, niin asiakkaat näkevät sen.
editor-restored-note = Palautettu versiosta { $revision }

history-title = Versiot
history-revision = Versio
history-when = Tallennettu
history-who = Tallentaja
history-change = Muutos
history-note = Huomautus
history-actions = Toiminnot
history-import = Tuonti
history-published = julkaistu
history-restore = Palauta versio { $revision }
history-diff-link = Version { $revision } muutokset
history-compare = Vertaa kahta versiota
history-from = Versiosta
history-to = Versioon
history-show = Näytä muutokset
history-only-one = Tästä tekstistä on vain yksi versio.

diff-caption = Muutokset versiosta { $from } versioon { $to }
diff-added = Lisätty:
diff-removed = Poistettu:

error-editor-title = Anna otsikko, enintään 200 merkkiä.
error-editor-summary = Lyhennä tiivistelmä enintään 500 merkkiin.
error-editor-body = Kirjoita teksti, enintään 50 000 merkkiä.
error-editor-tags = Anna enintään 20 hakusanaa, kukin enintään 50 merkkiä.
error-editor-questions = Anna enintään 20 kysymystä, kukin enintään 200 merkkiä.
error-editor-note = Lyhennä huomautus enintään 500 merkkiin.
error-editor-change = Valitse, kuinka suuri muutos on.
error-editor-action = Valitse, mitä tekstille tehdään.
error-editor-revision = Valitse jokin tämän tekstin versioista.
error-editor-nothing-to-publish = Tällä kielellä ei ole vielä julkaistavaa tekstiä. Kirjoita ja tallenna se ensin.

editor-manage = Julkaisu, aihe ja poistaminen
editor-move = Aihe
editor-move-button = Siirrä
editor-moved = Sisältö on siirretty uuteen aiheeseen.
editor-delete = Poista tämä sisältö…
editor-delete-confirm = Poistetaanko sisältö kaikilla kielillä? Se katoaa heti asiakkaiden sivuilta ja hausta. Sen versiot säilyvät.
editor-delete-yes = Poista sisältö
editor-delete-cancel = Peruuta
workspace-deleted = Sisältö on poistettu.
error-editor-slug = Anna osoite, jossa on pieniä kirjaimia a–z, numeroita ja yhdysmerkkejä, esimerkiksi kadonnut-kortti.
error-editor-slug-taken = Tässä osoitteessa on jo sisältö. Valitse toinen osoite.
error-editor-category = Valitse jokin aiheista.
error-editor-confirm = Vahvista poistaminen sen painikkeella.
error-editor-kind = Valitse, onko kyseessä ohje vai ratkaistu tapaus, ja sen kieli.

categories-title = Aiheet
categories-name = { $language ->
    [sv] Nimi ruotsiksi
    [en] Nimi englanniksi
   *[fi] Nimi suomeksi
}
categories-documents = { $count ->
    [0] ei sisältöjä
    [one] { $count } sisältö
   *[other] { $count } sisältöä
}
categories-save = Tallenna nimet
categories-delete = Poista aihe
categories-new = Uusi aihe
categories-slug = Osoite
categories-slug-hint = Pieniä kirjaimia a–z, numeroita ja yhdysmerkkejä, esimerkiksi kortit-ja-maksut. Osoitetta ei voi muuttaa myöhemmin.
categories-create = Luo aihe
categories-created = Aihe on luotu.
categories-saved = Nimet on tallennettu.
categories-deleted = Aihe on poistettu.
error-category-slug = Anna osoite, jossa on pieniä kirjaimia a–z, numeroita ja yhdysmerkkejä, esimerkiksi kortit-ja-maksut.
error-category-name = Anna aiheen nimi kaikilla kielillä, kukin enintään 100 merkkiä.
error-category-not-empty = Vain aiheen, jossa ei ole sisältöjä, voi poistaa. Siirrä sen sisällöt ensin.

new-document-title = Uusi ohje tai ratkaistu tapaus
new-document-lead = Uusi sisältö on luonnos: asiakkaat näkevät sen, kun julkaiset sen muokkaimessa.
new-document-kind = Tyyppi
new-document-slug = Osoite
new-document-language = Ensimmäisen tekstin kieli
new-document-create = Luo ja avaa muokkaimessa

analytics-title = Analytiikka
analytics-from = Alkaen
analytics-to = Päättyen
analytics-show = Näytä
analytics-default-period = Näytä viimeiset 30 päivää
analytics-summary = { $searches ->
    [one] { $searches } haku: { $found } löysi jotakin, { $opened } johti vastauksen avaamiseen.
   *[other] { $searches } hakua: { $found } löysi jotakin, { $opened } johti vastauksen avaamiseen.
}
analytics-top-searches = Yleisimmät haut
analytics-top-chart = Kymmenen yleisintä hakua ja kuinka monta kertaa kutakin haettiin
analytics-without-results = Haut, jotka eivät löytäneet mitään
analytics-nothing-opened = Haut, joiden tuloksia kukaan ei avannut
analytics-documents = Haun kautta avatut vastaukset ja äänet
analytics-guided-forms = Ohjatut lomakkeet ja ratkaisuaste
analytics-deflection-chart = Ehdotuksella ratkaistujen ohjattujen lomakkeiden osuus tukipyynnön tyypin ja kielen mukaan
analytics-query = Haku
analytics-searches = Hakuja
analytics-opened = Vastaus avattu
analytics-write-article = Kirjoita tästä ohje
analytics-opened-from-search = Avattu haun kautta
analytics-helpful = Hyödyllinen
analytics-not-helpful = Ei hyödyllinen
analytics-comments = Kommentit
analytics-request-type = Tukipyynnön tyyppi
analytics-started = Aloitettu
analytics-saw-suggestions = Näki ehdotuksia
analytics-opened-suggestion = Avasi ehdotuksen
analytics-solved = Ratkesi ehdotuksella
analytics-tickets = Lähetetty tukipyyntönä
analytics-deflection = Ratkaisuaste
analytics-csv = Lataa CSV-tiedostona
analytics-none = Ei mitään tällä aikavälillä.
analytics-learned = Asiakkailta opitut vastaukset
analytics-learned-intro = Kun asiakas on hakenut, avannut tuloksista ohjeen ja kertonut sen auttaneen, ohje nostetaan ensimmäiseksi samalle haulle ja hauille, joissa on samat sanat. Ohje nostetaan vasta kolmen vahvistuksen jälkeen, ja vahvistusten paino puolittuu 90 päivässä. Hakijoista ei tallenneta mitään.
analytics-learned-answer = Vastaus
analytics-learned-evidence = Vahvistuksia
analytics-learned-state = Tila
analytics-learned-promoted = Nostetaan ensimmäiseksi
analytics-learned-gathering = Kerää vahvistuksia
analytics-learned-confirmed = Viimeksi vahvistettu
error-analytics-period = Valitse enintään kolmen vuoden aikaväli, jonka ensimmäinen päivä ei ole viimeisen jälkeen.

review-title = Tarkastus
review-ask = Pyydä tarkastusta ennen julkaisua
review-ask-button = Pyydä
review-waiting = Tarkastajaksi on pyydetty: { $reviewer }.
review-for-you = { $requested_by } pyytää sinua tarkastamaan tämän luonnoksen. Julkaise se, jos se on valmis, tai palauta se kommentin kanssa.
review-comment = Mitä pitäisi muuttaa?
review-return = Palauta
review-approve-hint = Luonnoksen julkaiseminen vastaa tarkastuspyyntöön.
review-returned-by = { $reviewer } palautti luonnoksen:
review-requested = Tarkastusta on pyydetty.
review-returned = Luonnos on palautettu kommenttisi kanssa.
review-waiting-for-you = Tarkastustasi odottavat luonnokset
review-asked-by = pyytäjä: { $requested_by }
error-review-no-draft = Tarkastettavaa luonnosta ei ole. Tallenna muutoksesi ensin.
error-review-reviewer = Valitse toinen sisällöntuottaja tai ylläpitäjä, jonka käyttäjätili on käytössä.
error-review-none = Tämän luonnoksen tarkastusta ei ole pyydetty keneltäkään.
error-review-comment = Kirjoita kommentti, enintään 500 merkkiä.
