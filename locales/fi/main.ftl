# Tuki — sivukehys ja etusivu (suomi)

portal-name = Tuki
# One security line everywhere (pages and mail).
-security-line = Emme koskaan kysy tunnuslukujasi.
portal-tagline = Itsepalvelutuki
skip-to-content = Siirry pääsisältöön

search-label = Hae ohjeita
search-placeholder = esim. unohtunut salasana, kortti kadonnut
search-button = Hae
search-landmark-header = Sivuston haku
search-landmark-home = Hae ohjeartikkeleista

language-switcher-label = Kieli

footer-about = Hae vastauksia kysymyksiisi suomeksi, ruotsiksi tai englanniksi.
footer-service-hours = Asiakaspalvelu vastaa ma–pe klo 8–18. { -security-line }

home-title = Asiakastuki
home-description = Hae vastauksia ja saa apua suomeksi, ruotsiksi tai englanniksi.
home-heading = Miten voimme auttaa?
home-lead = Kuvaile ongelmasi muutamalla sanalla suomeksi, ruotsiksi tai englanniksi.
home-tips-heading = Vinkkejä hakuun
home-tip-words = Käytä muutamaa hakusanaa, esimerkiksi ”mobiilipankki kirjautuminen”.
home-tip-language = Voit kirjoittaa suomeksi, ruotsiksi tai englanniksi, ä-, ö- ja å-kirjaimilla tai ilman.
home-tip-security = { -security-line }

back-to-home = Takaisin etusivulle

not-found-title = Sivua ei löytynyt
not-found-body = Osoitteessa { $path } ei ole sivua. Tarkista osoite tai aloita alusta etusivulta.

error-title = Jokin meni vikaan
error-body = Palvelussa tapahtui odottamaton virhe. Yritä hetken kuluttua uudelleen. Jos ongelma jatkuu, ota yhteyttä asiakaspalveluun.

loading = Ladataan…

search-title = Haku
search-title-query = Haku: { $query }
search-results-heading = { $count ->
    [0] Ei tuloksia haulla ”{ $query }”
    [one] 1 tulos haulla ”{ $query }”
   *[other] { $count } tulosta haulla ”{ $query }”
}
in-other-language = { $language ->
    [sv] Ruotsiksi
    [en] Englanniksi
   *[fi] Suomeksi
}
kind-article = Ohje
kind-case = Ratkaistu tapaus
kind-article-plural = Ohjeet
kind-case-plural = Ratkaistut tapaukset
filter-category = Aihe
filter-all-categories = Kaikki aiheet
filter-kind = Tyyppi
filter-all-kinds = Ohjeet ja ratkaistut tapaukset
filter-apply = Rajaa
zero-results-heading = Haulla ”{ $query }” ei löytynyt mitään
zero-results-tip-spelling = Tarkista kirjoitusasu tai kokeile toista sanaa samalle asialle.
zero-results-tip-fewer-words = Käytä vähemmän sanoja: ”kortti kadonnut” löytää enemmän kuin kokonainen lause.
zero-results-tip-language = Voit hakea myös ruotsiksi tai englanniksi.
zero-results-help = Ohjatut lomakkeet auttavat kuvaamaan ongelman ja ehdottavat vastauksia matkan varrella. Jos mikään ei auta, tukipyyntösi lähtee asiakaspalveluun.
zero-results-guided-forms = Hae apua ohjatulla lomakkeella
pagination-label = Tulossivut
pagination-page = Sivu { $page }

breadcrumbs-label = Olet tässä
breadcrumbs-home = Etusivu
article-only-in-language = Tätä tekstiä ei ole suomeksi. { $language ->
    [sv] Se näytetään ruotsiksi.
    [en] Se näytetään englanniksi.
   *[fi] Se näytetään suomeksi.
}
article-outdated = Tätä käännöstä ei ole vielä päivitetty vastaamaan alkuperäistä tekstiä, jota on muutettu.
article-outdated-link = { $language ->
    [sv] Lue alkuperäinen teksti ruotsiksi
    [en] Lue alkuperäinen teksti englanniksi
   *[fi] Lue alkuperäinen teksti suomeksi
}
article-other-languages = Saatavilla myös
article-related = Aiheeseen liittyvät
vote-question = Oliko tästä apua?
vote-comment-label = Mitä voisimme parantaa? (vapaaehtoinen)
vote-yes = Kyllä
vote-no = Ei
vote-thanks = Kiitos palautteestasi!

home-categories-heading = Selaa aiheittain
home-helpful-heading = Hyödyllisimmät ohjeet
category-description = { $category }: kaikki ohjeet ja ratkaistut tapaukset.
document-description = { $kind ->
    [case] Ratkaistu tapaus: { $title }
   *[article] Ohje: { $title }
}
category-document-count = { $count ->
    [one] 1 vastaus
   *[other] { $count } vastausta
}

error-unavailable = Palvelu ei ole juuri nyt käytettävissä. Yritä hetken kuluttua uudelleen.
error-search-unavailable = Haku ei ole juuri nyt käytettävissä. Yritä hetken kuluttua uudelleen.
error-invalid-locale = Tuntematon kieli.
error-not-found = Sivua ei löytynyt.
error-forbidden = Sinulla ei ole oikeutta tähän toimintoon.
error-invalid-vote = Vastaustasi ei voitu tallentaa. Valitse kyllä tai ei.
error-comment-too-long = Kommentti on liian pitkä: enintään 1 000 merkkiä.
error-too-large = Lähettämäsi tiedot olivat liian suuria. Lyhennä tekstiä ja lähetä uudelleen.
error-unsupported-form = Palvelu ottaa vastaan vain sivujen lomakkeita. Palaa sivulle ja lähetä lomake uudelleen.
error-bad-form = Lomakkeen tietoja ei voitu lukea. Palaa sivulle ja lähetä lomake uudelleen.
error-method-not-allowed = Tähän osoitteeseen ei voi lähettää tietoja näin. Palaa etusivulle.
error-cross-site = Lomake lähetettiin toiselta sivustolta, joten sitä ei käsitelty. Avaa sivu tästä palvelusta ja lähetä lomake uudelleen.
error-api-missing-query = Anna hakusanat parametrissa q.
error-api-query-too-long = Haku on liian pitkä: enintään 200 merkkiä.
error-api-invalid-locale = Parametrin locale on oltava fi, sv tai en.
error-api-invalid-limit = Parametrin limit on oltava kokonaisluku 1–50.
error-api-invalid-category = Parametri category ei ole kelvollinen aiheen tunniste.
error-api-invalid-kind = Parametrin kind on oltava article tai case.
suggestions-label = Ehdotetut vastaukset
