## The agents' desk: queues, a ticket, service-level clocks, and the desk's mail.

desk-title = Tukipyyntöjonot
desk-mine = Minulle osoitetut
desk-queues = Jonot
desk-queue-count = { $count ->
    [one] { $shown } tukipyyntö
   *[other] { $shown } tukipyyntöä
}
desk-col-reference = Tunnus
desk-col-subject = Aihe
desk-col-type = Pyyntötyyppi
desk-col-priority = Kiireellisyys
desk-col-status = Tila
desk-col-language = Kieli
desk-col-age = Ikä
desk-col-due = Aikaa jäljellä
desk-col-assignee = Käsittelijä
desk-filter-all = Kaikki
desk-filter-apply = Suodata
desk-empty = Jonossa ei ole tukipyyntöjä näillä ehdoilla.
desk-previous = Edellinen sivu
desk-pages = Sivut
desk-next = Seuraava sivu
desk-refreshes = Kun JavaScript on käytössä, lista päivittyy minuutin välein.
desk-language = { $locale ->
    [fi] suomi
    [sv] ruotsi
   *[en] englanti
}
desk-priority-low = Matala
desk-priority-normal = Normaali
desk-priority-high = Korkea
desk-priority-critical = Kriittinen
desk-status-new = Uusi
desk-status-open = Käsittelyssä
desk-status-waiting = Odottaa asiakasta
desk-status-resolved = Ratkaistu
desk-status-closed = Suljettu
desk-minutes = { $hours ->
    [0] { $minutes } min
   *[other] { $hours } h { $minutes } min
}
desk-due-left = { $time } jäljellä
desk-due-over = myöhässä { $time }
desk-due-paused = Pysäytetty
desk-level-warning = Varoitus
desk-level-urgent = Kiire
desk-level-overdue = Myöhässä
desk-age = { $days ->
    [0] { $hours } h
   *[other] { $days } pv
}

desk-ticket-title = Tukipyyntö { $reference }
desk-back = Takaisin jonoon
desk-customer = Asiakas
desk-contact-name = Nimi
desk-contact-email = Sähköposti
desk-contact-phone = Puhelin
desk-reply-language = Vastauskieli
desk-sent = Lähetetty
desk-team = Tiimi
desk-assignee = Käsittelijä
desk-nobody = Ei kenellekään
desk-answers = Asiakkaan vastaukset
desk-description = Kuvaus
desk-shown = Asiakkaalle ehdotetut vastaukset
desk-shown-none = Asiakkaalle ei ehdotettu vastauksia.
desk-opened = avasi
desk-not-opened = ei avannut
desk-history = Historia
desk-history-empty = Ei vielä tapahtumia.
desk-by-customer = Asiakas
desk-internal = Sisäinen muistiinpano
desk-event-assigned = Käsittelijäksi { $value }
desk-event-unassigned = Käsittelijä poistettu
desk-event-team = Siirretty tiimiin { $value }
desk-event-priority = Kiireellisyys: { $value }
desk-event-merged = Yhdistetty tukipyyntöön { $value }
desk-event-merged-from = Tukipyyntö { $value } yhdistettiin tähän
desk-event-status = Tila: { $status }
desk-merged-into = Tämä tukipyyntö on yhdistetty tukipyyntöön { $reference }.

desk-clocks = Palvelutaso
desk-target-first-response = Vasteaika
desk-target-resolution = Ratkaisuaika
desk-clock-running = Erääntyy { $due }
desk-clock-paused = Pysäytetty: odottaa asiakasta tai on ratkaistu
desk-clock-met = Saavutettu { $at }
desk-clock-missed = Myöhästyi: erääntyi { $due }, saavutettu { $at }
desk-why = Miksi juuri silloin?
desk-why-start = Aika alkoi, kun tukipyyntö lähetettiin { $start }.
desk-why-budget = Tavoite on { $time } palveluaikaa tiimin aukioloaikoina (aikavyöhyke { $zone }).
desk-why-pause = Kello oli pysähdyksissä { $from } – { $until }.
desk-why-pause-open = Kello on pysähdyksissä { $from } alkaen.
desk-why-holiday = { $date } on juhlapyhä ({ $holiday }).
desk-why-closed = { $date } tiimi on suljettu.
desk-why-days-off = { $days ->
    [one] Yksi päivä ilman aukioloaikaa (viikonloppu) ohitettiin.
   *[other] { $days } päivää ilman aukioloaikaa (viikonloput) ohitettiin.
}

desk-actions = Toimenpiteet
desk-take = Ota käsittelyyn
desk-assign = Vaihda käsittelijä
desk-move-team = Siirrä tiimiin
desk-set-priority = Muuta kiireellisyys
desk-set-status = Muuta tila
desk-save = Tallenna
desk-reply = Vastaus asiakkaalle
desk-reply-hint = Vastaus lähtee asiakkaalle sähköpostilla vastauskielellä ja näkyy tukipyynnön sivulla.
desk-reply-then = Tila vastauksen jälkeen
desk-send-reply = Lähetä vastaus
desk-template = Vastauspohja
desk-insert-template = Lisää pohja
desk-no-template = Ei pohjaa
desk-note = Sisäinen muistiinpano
desk-note-hint = Näkyy vain henkilökunnalle.
desk-add-note = Tallenna muistiinpano
desk-merge = Yhdistä kaksoiskappale
desk-merge-into = Tukipyynnön tunnus, johon tämä yhdistetään
desk-merge-button = Yhdistä ja sulje
desk-done = Muutos tallennettiin.

sla-holiday-new-years-day = uudenvuodenpäivä
sla-holiday-epiphany = loppiainen
sla-holiday-good-friday = pitkäperjantai
sla-holiday-easter-sunday = pääsiäispäivä
sla-holiday-easter-monday = toinen pääsiäispäivä
sla-holiday-may-day = vappu
sla-holiday-ascension-day = helatorstai
sla-holiday-whitsunday = helluntaipäivä
sla-holiday-national-day-of-sweden = Ruotsin kansallispäivä
sla-holiday-midsummer-eve = juhannusaatto
sla-holiday-midsummer-day = juhannuspäivä
sla-holiday-all-saints-day = pyhäinpäivä
sla-holiday-independence-day = itsenäisyyspäivä
sla-holiday-christmas-eve = jouluaatto
sla-holiday-christmas-day = joulupäivä
sla-holiday-boxing-day = tapaninpäivä
sla-holiday-new-years-eve = uudenvuodenaatto

error-desk-changed = Joku muu muutti tukipyyntöä samaan aikaan. Tarkista tilanne ja yritä uudelleen.
error-desk-closed = Suljettuun tukipyyntöön voi lisätä vain sisäisen muistiinpanon.
error-desk-status = Tukipyyntöä ei voi siirtää tähän tilaan nykyisestä tilasta.
error-desk-agent = Valittu henkilö ei ole tämän tiimin käsittelijä.
error-desk-team = Valitse toinen olemassa oleva tiimi.
error-desk-unchanged = Valinta on jo voimassa.
error-desk-message-empty = Kirjoita viesti.
error-desk-message-long = Viesti on liian pitkä: enintään 10 000 merkkiä.
error-desk-merge = Anna toisen, avoimen tukipyynnön tunnus.
error-desk-month = Anna kuukausi, esimerkiksi 11/2026.

mail-reply-subject = Vastaus tukipyyntöösi { $reference }
mail-reply-answer = Voit vastata ja seurata tukipyyntöäsi täällä:
mail-reply-private = Linkki on vain sinulle: älä välitä tätä viestiä. Emme koskaan kysy verkkopankkitunnuksiasi.
mail-team-new-subject = Uusi tukipyyntö { $reference }: { $type }
mail-team-new-body = Tiimin jonoon saapui uusi tukipyyntö { $reference } ({ $type }).
mail-desk-open = Avaa tukipyyntö:
mail-answered-subject = Asiakas vastasi: { $reference }
mail-answered-body = Asiakas lisäsi tietoja tukipyyntöön { $reference }, joka on osoitettu sinulle.

sla-target-first-response = vasteaika
sla-target-resolution = ratkaisuaika
desk-event-sla-warning = Palvelutasovaroitus: { $target }, { $percent } % tavoiteajasta käytetty
desk-event-sla-breach = Tavoiteaika ylittyi: { $target }
mail-sla-warning-subject = Palvelutasovaroitus { $reference }: { $target }, { $percent } %
mail-sla-warning-body = Tukipyynnön { $reference } tavoiteajasta ({ $target }) on käytetty { $percent } %. Määräaika päättyy { $due }.
mail-sla-breach-subject = Tavoiteaika ylittyi: { $reference }
mail-sla-breach-body = Tukipyynnön { $reference } määräaika ({ $target }) päättyi { $due }, eikä tavoitetta saavutettu.
error-webhook-url = Anna osoite, joka alkaa https:// (tai http:// samassa verkossa).
