# Tuki — sivukehys ja etusivu (suomi)

portal-name = Tuki
portal-tagline = Itsepalvelutuki
skip-to-content = Siirry pääsisältöön

search-label = Hae ohjeita
search-placeholder = esim. unohtunut salasana, kortti estetty
search-button = Hae
search-landmark-header = Sivuston haku
search-landmark-home = Hae ohjeartikkeleista

language-switcher-label = Kieli

footer-about = Tuki löytää vastaukset kysymyksiisi suomeksi, ruotsiksi ja englanniksi.
footer-service-hours = Palvelupiste vastaa ma–pe klo 8–18. Älä koskaan kerro salasanojasi tai tunnuslukujasi kenellekään.

home-title = Asiakastuki
home-description = Hae vastauksia ja saa apua suomeksi, ruotsiksi tai englanniksi.
home-heading = Miten voimme auttaa?
home-lead = Kuvaile ongelmasi muutamalla sanalla omalla kielelläsi.
home-tips-heading = Vinkkejä hakuun
home-tip-words = Käytä muutamaa hakusanaa, esimerkiksi ”mobiilipankki kirjautuminen”.
home-tip-language = Voit kirjoittaa suomeksi, ruotsiksi tai englanniksi, ä-, ö- ja å-kirjaimilla tai ilman.
home-tip-security = Emme koskaan kysy salasanaasi, PIN-koodiasi tai tunnuslukujasi.

back-to-home = Takaisin etusivulle

not-found-title = Sivua ei löytynyt
not-found-body = Osoitteessa { $path } ei ole sivua. Tarkista osoite tai aloita alusta etusivulta.

error-title = Jokin meni vikaan
error-body = Palvelussa tapahtui odottamaton virhe. Yritä hetken kuluttua uudelleen. Jos ongelma jatkuu, ota yhteyttä palvelupisteeseen.
