# Tuki — sidram och startsida (svenska)

portal-name = Tuki
# One security line everywhere (pages and mail).
-security-line = Vi frågar aldrig efter dina bankkoder.
portal-tagline = Självbetjäning
skip-to-content = Hoppa till huvudinnehållet

search-label = Sök hjälp
search-placeholder = t.ex. glömt lösenord, kortet spärrat
search-button = Sök
search-landmark-header = Sök på webbplatsen
search-landmark-home = Sök bland hjälpartiklar

language-switcher-label = Språk

footer-about = Sök svar på dina frågor på finska, svenska eller engelska.
footer-service-hours = Kundtjänsten svarar mån–fre kl. 8–18. { -security-line }

home-title = Hjälp och support
home-description = Sök svar och få hjälp på finska, svenska eller engelska.
home-heading = Hur kan vi hjälpa dig?
home-lead = Beskriv ditt problem med några ord på finska, svenska eller engelska.
home-tips-heading = Tips för sökningen
home-tip-words = Använd några sökord, till exempel ”mobilbank inloggning”.
home-tip-language = Du kan skriva på finska, svenska eller engelska, med eller utan ä, ö och å.
home-tip-security = { -security-line }

back-to-home = Tillbaka till startsidan

not-found-title = Sidan hittades inte
not-found-body = Det finns ingen sida på adressen { $path }. Kontrollera adressen eller börja om från startsidan.

error-title = Något gick fel
error-body = Ett oväntat fel inträffade. Försök igen om en stund. Om problemet fortsätter, kontakta kundtjänsten.

loading = Laddar…

search-title = Sök
search-title-query = Sök: { $query }
search-results-heading = { $count ->
    [0] Inga resultat för ”{ $query }”
    [one] 1 resultat för ”{ $query }”
   *[other] { $count } resultat för ”{ $query }”
}
in-other-language = { $language ->
    [fi] På finska
    [en] På engelska
   *[sv] På svenska
}
kind-article = Artikel
kind-case = Löst fråga
kind-article-plural = Artiklar
kind-case-plural = Lösta frågor
filter-category = Ämne
filter-all-categories = Alla ämnen
filter-kind = Typ
filter-all-kinds = Artiklar och lösta frågor
filter-apply = Filtrera
zero-results-heading = Inget hittades för ”{ $query }”
zero-results-tip-spelling = Kontrollera stavningen eller prova ett annat ord för samma sak.
zero-results-tip-fewer-words = Använd färre ord: ”kort spärrat” hittar mer än en hel mening.
zero-results-tip-language = Du kan också söka på finska eller engelska.
zero-results-help = Våra guidade formulär hjälper dig att beskriva problemet och föreslår svar under tiden. Om inget hjälper skickas ditt supportärende till kundtjänsten.
zero-results-guided-forms = Få hjälp med ett guidat formulär
pagination-label = Resultatsidor
pagination-page = Sida { $page }

breadcrumbs-label = Du är här
breadcrumbs-home = Startsida
article-only-in-language = Den här texten finns inte på svenska. { $language ->
    [fi] Den visas på finska.
    [en] Den visas på engelska.
   *[sv] Den visas på svenska.
}
article-outdated = Den här översättningen har ännu inte uppdaterats efter ändringarna i originaltexten.
article-outdated-link = { $language ->
    [fi] Läs originaltexten på finska
    [en] Läs originaltexten på engelska
   *[sv] Läs originaltexten på svenska
}
article-other-languages = Finns också på
article-related = Läs också
vote-question = Var det här till hjälp?
vote-comment-label = Vad kunde vi förbättra? (frivilligt)
vote-yes = Ja
vote-no = Nej
vote-thanks = Tack för ditt svar!

home-categories-heading = Ämnen
home-helpful-heading = Artiklar som har hjälpt flest
category-description = { $category }: alla artiklar och lösta frågor.
document-description = { $kind ->
    [case] Löst fråga: { $title }
   *[article] Artikel: { $title }
}
category-document-count = { $count ->
    [one] 1 svar
   *[other] { $count } svar
}

error-unavailable = Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.
error-search-unavailable = Sökningen är tillfälligt otillgänglig. Försök igen om en stund.
error-invalid-locale = Okänt språk.
error-not-found = Sidan hittades inte.
error-forbidden = Du har inte rätt att göra det här.
error-invalid-vote = Ditt svar kunde inte sparas. Välj ja eller nej.
error-comment-too-long = Kommentaren är för lång: högst 1 000 tecken.
error-too-large = Uppgifterna du skickade var för stora. Korta ner texten och skicka igen.
error-unsupported-form = Tjänsten tar bara emot sidornas formulär. Gå tillbaka till sidan och skicka formuläret igen.
error-bad-form = Formulärets uppgifter kunde inte läsas. Gå tillbaka till sidan och skicka formuläret igen.
error-method-not-allowed = Det går inte att skicka uppgifter till den här adressen på det här sättet. Gå tillbaka till startsidan.
error-cross-site = Formuläret skickades från en annan webbplats och behandlades därför inte. Öppna sidan i den här tjänsten och skicka formuläret igen.
error-api-missing-query = Ange sökorden i parametern q.
error-api-query-too-long = Sökningen är för lång: högst 200 tecken.
error-api-invalid-locale = Parametern locale ska vara fi, sv eller en.
error-api-invalid-limit = Parametern limit ska vara ett heltal från 1 till 50.
error-api-invalid-category = Parametern category är inte en giltig ämnesidentifierare.
error-api-invalid-kind = Parametern kind ska vara article eller case.
suggestions-label = Föreslagna svar
