# Redaktörernas arbetsyta: listan över innehåll, redigeraren och en texts versioner.

workspace-title = Redaktörernas arbetsyta
workspace-open = Öppna redaktörernas arbetsyta
workspace-search = Rubriken eller adressen innehåller
workspace-category = Ämne
workspace-status = Status
workspace-translation = Översättning
workspace-language = På språket
workspace-any = Alla
workspace-any-language = Alla språk
workspace-filter = Avgränsa
workspace-count = { $count ->
    [one] Visar { $shown } av { $total } innehåll.
   *[other] Visar { $shown } av { $total } innehåll.
}
workspace-previous = Föregående sida
workspace-next = Nästa sida
workspace-pages = Listans sidor
workspace-page = Sida { $page } av { $pages }
workspace-document = Innehåll
workspace-has-draft = utkast väntar
workspace-status-published = Publicerat
workspace-status-draft = Inte publicerat
workspace-state-source = Original
workspace-state-up-to-date = Aktuell
workspace-state-out-of-date = Inaktuell översättning
workspace-state-missing = Inte översatt

editor-title = Redigera
editor-draft = Utkast
editor-draft-waiting = Version { $revision } är ett utkast: kunderna ser den publicerade texten tills du publicerar den.
editor-no-draft = Inga opublicerade ändringar.
editor-history = Versioner och ändringar
editor-customer-page = Öppna sidan som kunderna ser
editor-languages = Innehållets språk
editor-outdated-heading = Det här är en inaktuell översättning
editor-outdated-lead = Originaltexten har ändrats väsentligt efter att översättningen gjordes. Ändringarna:
editor-compare = Visa bredvid redigeraren
editor-compare-none = Ingenting
editor-compare-show = Visa
editor-field-title = Rubrik
editor-field-summary = Sammanfattning
editor-field-body = Text
editor-field-body-hint = Markdown: ## inleder en mellanrubrik, - en punkt i en lista, 1. ett numrerat steg och [text](adress) är en länk.
editor-field-tags = Sökord
editor-field-tags-hint = Ord som kunderna kunde söka med, åtskilda med kommatecken.
editor-field-questions = Frågor som texten svarar på
editor-field-questions-hint = Skriv frågorna så som en kund skulle ställa dem, en per rad. De hittas i sökningen men visas inte.
editor-change-source = Hur stor är ändringen? En väsentlig ändring gör översättningarna inaktuella.
editor-change = Hur stor är ändringen?
editor-change-typo = Ett skrivfel eller formatering: betydelsen är densamma
editor-change-minor = En liten ändring
editor-change-major = En väsentlig ändring: betydelsen ändras
editor-change-typo-short = Skrivfel
editor-change-minor-short = Liten
editor-change-major-short = Väsentlig
editor-field-note = Anteckning om versionen (frivillig)
editor-preview = Förhandsgranska
editor-save = Spara utkastet
editor-publish = Publicera
editor-unpublish = Ta bort från kundernas sidor
editor-preview-hint = Förhandsgranskning och Spara utkastet sparar din text som en version i utkastet. Kunderna ser den först när du publicerar den.
editor-preview-heading = Förhandsgranskning
editor-saved = Utkastet är sparat.
editor-published = Publicerat. Kunderna ser texten och sökningen hittar den.
editor-unpublished = Innehållet finns inte längre på kundernas sidor.
editor-restored = Den gamla versionen är nu utkastet. Publicera den så ser kunderna den.
editor-restored-note = Återställd från version { $revision }

history-title = Versioner
history-revision = Version
history-when = Sparad
history-who = Av
history-change = Ändring
history-note = Anteckning
history-actions = Åtgärder
history-import = Import
history-published = publicerad
history-restore = Återställ version { $revision }
history-diff-link = Ändringarna i version { $revision }
history-compare = Jämför två versioner
history-from = Från version
history-to = Till version
history-show = Visa ändringarna
history-only-one = Texten har bara en version.

diff-caption = Ändringar från version { $from } till version { $to }
diff-added = Tillagt:
diff-removed = Borttaget:

error-editor-title = Ange en rubrik på högst 200 tecken.
error-editor-summary = Korta ner sammanfattningen till högst 500 tecken.
error-editor-body = Skriv texten, högst 50 000 tecken.
error-editor-tags = Ange högst 20 sökord på högst 50 tecken vart.
error-editor-questions = Ange högst 20 frågor på högst 200 tecken var.
error-editor-note = Korta ner anteckningen till högst 500 tecken.
error-editor-change = Välj hur stor ändringen är.
error-editor-action = Välj vad som ska göras med texten.
error-editor-revision = Välj en av textens versioner.
error-editor-nothing-to-publish = Det finns ännu ingen text att publicera på det här språket. Skriv och spara den först.

editor-manage = Publicering, ämne och radering
editor-move = Ämne
editor-move-button = Flytta
editor-moved = Innehållet finns nu under sitt nya ämne.
editor-delete = Radera det här innehållet…
editor-delete-confirm = Vill du radera innehållet på alla språk? Det försvinner genast från kundernas sidor och från sökningen. Dess versioner sparas.
editor-delete-yes = Radera innehållet
editor-delete-cancel = Avbryt
workspace-deleted = Innehållet är raderat.
error-editor-slug = Ange en adress med små bokstäver a–z, siffror och bindestreck, till exempel borttappat-kort.
error-editor-slug-taken = Det finns redan innehåll på den här adressen. Välj en annan adress.
error-editor-category = Välj ett av ämnena.
error-editor-confirm = Bekräfta raderingen med dess knapp.
error-editor-kind = Välj om det är en artikel eller en löst fråga, och dess språk.

categories-title = Ämnen
categories-name = { $language ->
    [fi] Namn på finska
    [en] Namn på engelska
   *[sv] Namn på svenska
}
categories-documents = { $count ->
    [0] inget innehåll
   *[other] { $count } innehåll
}
categories-save = Spara namnen
categories-delete = Radera ämnet
categories-new = Nytt ämne
categories-slug = Adress
categories-slug-hint = Små bokstäver a–z, siffror och bindestreck, till exempel kort-och-betalningar. Adressen kan inte ändras senare.
categories-create = Skapa ämnet
categories-created = Ämnet är skapat.
categories-saved = Namnen är sparade.
categories-deleted = Ämnet är raderat.
error-category-slug = Ange en adress med små bokstäver a–z, siffror och bindestreck, till exempel kort-och-betalningar.
error-category-name = Ange ämnets namn på alla språk, högst 100 tecken vart.
error-category-not-empty = Bara ett ämne utan innehåll kan raderas. Flytta först dess innehåll.

new-document-title = Ny artikel eller löst fråga
new-document-lead = Det nya innehållet är ett utkast: kunderna ser det när du publicerar det i redigeraren.
new-document-kind = Typ
new-document-slug = Adress
new-document-language = Språket för den första texten
new-document-create = Skapa och öppna i redigeraren

analytics-title = Analys
analytics-from = Från
analytics-to = Till
analytics-show = Visa
analytics-default-period = Visa de senaste 30 dagarna
analytics-summary = { $searches ->
    [one] { $searches } sökning: { $found } hittade något, { $opened } ledde till att ett svar öppnades.
   *[other] { $searches } sökningar: { $found } hittade något, { $opened } ledde till att ett svar öppnades.
}
analytics-top-searches = Vanligaste sökningarna
analytics-top-chart = De tio vanligaste sökningarna och hur många gånger var och en gjordes
analytics-without-results = Sökningar som inte hittade något
analytics-nothing-opened = Sökningar vars resultat ingen öppnade
analytics-documents = Svar som öppnats via sökningen och röster
analytics-guided-forms = Guidade formulär och lösningsgrad
analytics-deflection-chart = Andelen guidade formulär som löstes med ett förslag, per typ av supportärende och språk
analytics-query = Sökning
analytics-searches = Sökningar
analytics-opened = Svar öppnat
analytics-write-article = Skriv en artikel om det här
analytics-opened-from-search = Öppnat via sökningen
analytics-helpful = Till hjälp
analytics-not-helpful = Inte till hjälp
analytics-comments = Kommentarer
analytics-request-type = Typ av supportärende
analytics-started = Påbörjade
analytics-saw-suggestions = Såg förslag
analytics-opened-suggestion = Öppnade ett förslag
analytics-solved = Löstes med ett förslag
analytics-tickets = Skickades som supportärende
analytics-deflection = Lösningsgrad
analytics-csv = Ladda ner som CSV-fil
analytics-none = Inget under den här perioden.
analytics-learned = Svar som kunderna har lärt oss
analytics-learned-intro = När en kund har sökt, öppnat en anvisning bland resultaten och sagt att den hjälpte, visas anvisningen först för samma sökning och för sökningar med samma ord. Anvisningen lyfts först efter tre bekräftelser, och bekräftelsernas vikt halveras på 90 dagar. Ingenting sparas om den som sökte.
analytics-learned-answer = Svar
analytics-learned-evidence = Bekräftelser
analytics-learned-state = Läge
analytics-learned-promoted = Visas först
analytics-learned-gathering = Samlar bekräftelser
analytics-learned-confirmed = Senast bekräftat
error-analytics-period = Välj en period på högst tre år vars första dag inte är efter den sista.

review-title = Granskning
review-ask = Be om granskning före publicering
review-ask-button = Be om granskning
review-waiting = Ombedd granskare: { $reviewer }.
review-for-you = { $requested_by } ber dig granska det här utkastet. Publicera det om det är klart, eller skicka tillbaka det med en kommentar.
review-comment = Vad borde ändras?
review-return = Skicka tillbaka
review-approve-hint = När utkastet publiceras är granskningen besvarad.
review-returned-by = { $reviewer } skickade tillbaka utkastet:
review-requested = Granskning har begärts.
review-returned = Utkastet har skickats tillbaka med din kommentar.
review-waiting-for-you = Utkast som väntar på din granskning
review-asked-by = begärd av { $requested_by }
error-review-no-draft = Det finns inget utkast att granska. Spara dina ändringar först.
error-review-reviewer = Välj en annan redaktör eller administratör med ett aktivt konto.
error-review-none = Ingen har ombetts granska det här utkastet.
error-review-comment = Skriv en kommentar på högst 500 tecken.
