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
