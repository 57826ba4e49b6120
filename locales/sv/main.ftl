# Tuki — sidram och startsida (svenska)

portal-name = Tuki
portal-tagline = Självbetjäningssupport
skip-to-content = Hoppa till huvudinnehållet

search-label = Sök hjälp
search-placeholder = t.ex. glömt lösenord, kortet spärrat
search-button = Sök
search-landmark-header = Sök på webbplatsen
search-landmark-home = Sök bland hjälpartiklar

language-switcher-label = Språk

footer-about = Tuki hittar svar på dina frågor på finska, svenska och engelska.
footer-service-hours = Servicedesken svarar mån–fre kl. 8–18. Berätta aldrig dina lösenord eller koder för någon.

home-title = Kundsupport
home-description = Sök svar och få hjälp på finska, svenska eller engelska.
home-heading = Hur kan vi hjälpa dig?
home-lead = Beskriv ditt problem med några ord, på ditt eget språk.
home-tips-heading = Tips för sökningen
home-tip-words = Använd några sökord, till exempel ”mobilbank inloggning”.
home-tip-language = Du kan skriva på finska, svenska eller engelska, med eller utan ä, ö och å.
home-tip-security = Vi frågar aldrig efter ditt lösenord, din PIN-kod eller dina koder.

back-to-home = Tillbaka till startsidan

not-found-title = Sidan hittades inte
not-found-body = Det finns ingen sida på adressen { $path }. Kontrollera adressen eller börja om från startsidan.

error-title = Något gick fel
error-body = Tjänsten råkade ut för ett oväntat fel. Försök igen om en stund. Om problemet kvarstår, kontakta servicedesken.

loading = Laddar…

search-title = Sök
search-title-query = Sök: { $query }
search-results-heading = { $count ->
    [0] Inga resultat för ”{ $query }”
    [one] 1 resultat för ”{ $query }”
   *[other] { $count } resultat för ”{ $query }”
}
in-other-language = På { $language }
kind-article = Artikel
kind-case = Löst ärende
kind-article-plural = Artiklar
kind-case-plural = Lösta ärenden
filter-category = Ämne
filter-all-categories = Alla ämnen
filter-kind = Typ
filter-all-kinds = Artiklar och lösta ärenden
filter-apply = Filtrera
zero-results-heading = Inget hittades för ”{ $query }”
zero-results-tip-spelling = Kontrollera stavningen eller prova ett annat ord för samma sak.
zero-results-tip-fewer-words = Använd färre ord: ”kort spärrat” hittar mer än en hel mening.
zero-results-tip-language = Du kan också söka på finska eller engelska.
zero-results-help = Våra guidade formulär hjälper dig att beskriva problemet och föreslår svar längs vägen. Om inget hjälper skickas din begäran till servicedesken.
zero-results-guided-forms = Få hjälp med ett guidat formulär
pagination-label = Resultatsidor
pagination-page = Sida { $page }

breadcrumbs-label = Du är här
breadcrumbs-home = Startsida
article-only-in-language = Den här texten finns inte på svenska. Den visas på { $language }.
article-outdated = Den här översättningen har ännu inte uppdaterats efter ändringarna i originaltexten.
article-outdated-link = { $language ->
    [fi] Läs originaltexten på finska
    [en] Läs originaltexten på engelska
   *[sv] Läs originaltexten på svenska
}
article-other-languages = Finns också på
article-related = Relaterat
vote-question = Var det här till hjälp?
vote-comment-label = Vad kunde vi förbättra? (frivilligt)
vote-yes = Ja
vote-no = Nej
vote-thanks = Tack för din respons!

home-categories-heading = Bläddra efter ämne
home-helpful-heading = Mest hjälpsamma artiklar
category-description = { $category }: alla artiklar och lösta frågor.
document-description = { $kind ->
    [case] Löst fråga: { $title }
   *[article] Artikel: { $title }
}
category-document-count = { $count ->
    [one] 1 artikel
   *[other] { $count } artiklar
}

error-unavailable = Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.
error-search-unavailable = Sökningen är tillfälligt otillgänglig. Försök igen om en stund.
error-invalid-locale = Okänt språk.
error-not-found = Sidan hittades inte.
error-forbidden = Du har inte rätt att göra det här.
error-invalid-vote = Ditt svar kunde inte sparas. Välj ja eller nej.
error-comment-too-long = Kommentaren är för lång: högst 1000 tecken.
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
