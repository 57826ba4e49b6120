## The agents' desk: queues, a ticket, service-level clocks, and the desk's mail.

desk-title = Ärendeköer
desk-mine = Tilldelade till mig
desk-queues = Köer
desk-queue-count = { $count ->
    [one] { $shown } ärende
   *[other] { $shown } ärenden
}
desk-col-reference = Ärendenummer
desk-col-subject = Ämne
desk-col-type = Ärendetyp
desk-col-priority = Prioritet
desk-col-status = Status
desk-col-language = Språk
desk-col-age = Ålder
desk-col-due = Tid kvar
desk-col-assignee = Handläggare
desk-filter-all = Alla
desk-filter-apply = Filtrera
desk-empty = Inga ärenden i kön med dessa villkor.
desk-previous = Föregående sida
desk-pages = Sidor
desk-next = Nästa sida
desk-refreshes = Med JavaScript uppdateras listan varje minut.
desk-language = { $locale ->
    [fi] finska
    [sv] svenska
   *[en] engelska
}
desk-priority-low = Låg
desk-priority-normal = Normal
desk-priority-high = Hög
desk-priority-critical = Kritisk
desk-status-new = Ny
desk-status-open = Under behandling
desk-status-waiting = Väntar på kunden
desk-status-resolved = Löst
desk-status-closed = Stängt
desk-minutes = { $hours ->
    [0] { $minutes } min
   *[other] { $hours } h { $minutes } min
}
desk-due-left = { $time } kvar
desk-due-over = { $time } försenat
desk-due-paused = Stoppad
desk-level-warning = Varning
desk-level-urgent = Brådskande
desk-level-overdue = Försenat
desk-age = { $days ->
    [0] { $hours } h
   *[other] { $days } d
}

desk-ticket-title = Ärende { $reference }
desk-back = Tillbaka till kön
desk-customer = Kund
desk-contact-name = Namn
desk-contact-email = E-post
desk-contact-phone = Telefon
desk-reply-language = Svarsspråk
desk-sent = Skickat
desk-team = Team
desk-assignee = Handläggare
desk-nobody = Ingen
desk-answers = Kundens svar
desk-description = Beskrivning
desk-shown = Svar som föreslogs för kunden
desk-shown-none = Inga svar föreslogs för kunden.
desk-opened = öppnade
desk-not-opened = öppnade inte
desk-history = Historik
desk-history-empty = Inga händelser ännu.
desk-by-customer = Kund
desk-internal = Intern anteckning
desk-event-assigned = Handläggare: { $value }
desk-event-unassigned = Handläggaren togs bort
desk-event-team = Flyttat till team { $value }
desk-event-priority = Prioritet: { $value }
desk-event-merged = Sammanslaget med ärende { $value }
desk-event-merged-from = Ärende { $value } slogs samman med detta
desk-event-status = Status: { $status }
desk-merged-into = Det här ärendet har slagits samman med ärende { $reference }.

desk-clocks = Servicenivå
desk-target-first-response = Svarstid
desk-target-resolution = Lösningstid
desk-clock-running = Förfaller { $due }
desk-clock-paused = Stoppad: väntar på kunden eller är löst
desk-clock-met = Uppnått { $at }
desk-clock-missed = Försenat: förföll { $due }, uppnått { $at }
desk-why = Varför just då?
desk-why-start = Tiden började när ärendet skickades { $start }.
desk-why-budget = Målet är { $time } servicetid under teamets öppettider (tidszon { $zone }).
desk-why-pause = Klockan stod still { $from } – { $until }.
desk-why-pause-open = Klockan står still från { $from }.
desk-why-holiday = { $date } är en helgdag ({ $holiday }).
desk-why-closed = { $date } är teamet stängt.
desk-why-days-off = { $days ->
    [one] En dag utan öppettider (veckoslut) hoppades över.
   *[other] { $days } dagar utan öppettider (veckoslut) hoppades över.
}

desk-actions = Åtgärder
desk-take = Ta ärendet
desk-assign = Byt handläggare
desk-move-team = Flytta till team
desk-set-priority = Ändra prioritet
desk-set-status = Ändra status
desk-save = Spara
desk-reply = Svar till kunden
desk-reply-hint = Svaret skickas till kunden per e-post på svarsspråket och syns på ärendets sida.
desk-reply-then = Status efter svaret
desk-send-reply = Skicka svaret
desk-template = Svarsmall
desk-insert-template = Infoga mallen
desk-no-template = Ingen mall
desk-note = Intern anteckning
desk-note-hint = Syns bara för personalen.
desk-add-note = Spara anteckningen
desk-merge = Slå samman en dubblett
desk-merge-into = Ärendenummer som detta slås samman med
desk-merge-button = Slå samman och stäng
desk-done = Ändringen har sparats.

sla-holiday-new-years-day = nyårsdagen
sla-holiday-epiphany = trettondagen
sla-holiday-good-friday = långfredagen
sla-holiday-easter-sunday = påskdagen
sla-holiday-easter-monday = annandag påsk
sla-holiday-may-day = första maj
sla-holiday-ascension-day = Kristi himmelsfärdsdag
sla-holiday-whitsunday = pingstdagen
sla-holiday-national-day-of-sweden = Sveriges nationaldag
sla-holiday-midsummer-eve = midsommarafton
sla-holiday-midsummer-day = midsommardagen
sla-holiday-all-saints-day = alla helgons dag
sla-holiday-independence-day = självständighetsdagen
sla-holiday-christmas-eve = julafton
sla-holiday-christmas-day = juldagen
sla-holiday-boxing-day = annandag jul
sla-holiday-new-years-eve = nyårsafton

error-desk-changed = Någon annan ändrade ärendet samtidigt. Kontrollera läget och försök igen.
error-desk-closed = Till ett stängt ärende kan du bara lägga en intern anteckning.
error-desk-status = Ärendet kan inte flyttas till den statusen från den nuvarande.
error-desk-agent = Den valda personen är inte handläggare i det här teamet.
error-desk-team = Välj ett annat befintligt team.
error-desk-unchanged = Valet gäller redan.
error-desk-message-empty = Skriv ett meddelande.
error-desk-message-long = Meddelandet är för långt: högst 10 000 tecken.
error-desk-merge = Ange numret på ett annat, öppet ärende.
error-desk-month = Ange månaden, till exempel 11/2026.

mail-reply-subject = Svar på ditt ärende { $reference }
mail-reply-answer = Du kan svara och följa ditt ärende här:
mail-reply-private = Länken är bara din: vidarebefordra inte det här meddelandet. Vi ber aldrig om dina bankkoder.
mail-team-new-subject = Nytt ärende { $reference }: { $type }
mail-team-new-body = Ett nytt ärende { $reference } ({ $type }) har kommit till teamets kö.
mail-desk-open = Öppna ärendet:
mail-answered-subject = Kunden svarade: { $reference }
mail-answered-body = Kunden lade till uppgifter i ärende { $reference }, som är tilldelat dig.

sla-target-first-response = svarstid
sla-target-resolution = lösningstid
desk-event-sla-warning = Varning om servicenivå: { $target }, { $percent } % av tiden har gått
desk-event-sla-breach = Måltiden överskreds: { $target }
mail-sla-warning-subject = Varning om servicenivå { $reference }: { $target }, { $percent } %
mail-sla-warning-body = Av tiden för ärende { $reference } ({ $target }) har { $percent } % gått. Tiden går ut { $due }.
mail-sla-breach-subject = Måltiden överskreds: { $reference }
mail-sla-breach-body = Tiden för ärende { $reference } ({ $target }) gick ut { $due } och målet nåddes inte.
error-webhook-url = Ange en adress som börjar med https:// (eller http:// i samma nät).
