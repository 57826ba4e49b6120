## The agents' desk: queues, a ticket, service-level clocks, and the desk's mail.

desk-title = Request queues
desk-mine = Assigned to me
desk-queues = Queues
desk-queue-count = { $count ->
    [one] { $shown } request
   *[other] { $shown } requests
}
desk-col-reference = Request number
desk-col-subject = Subject
desk-col-type = Request type
desk-col-priority = Priority
desk-col-status = Status
desk-col-language = Language
desk-col-age = Age
desk-col-due = Time left
desk-col-assignee = Agent
desk-filter-all = All
desk-filter-apply = Filter
desk-empty = No requests in the queue with these filters.
desk-previous = Previous page
desk-pages = Pages
desk-next = Next page
desk-refreshes = With JavaScript the list refreshes every minute.
desk-language = { $locale ->
    [fi] Finnish
    [sv] Swedish
   *[en] English
}
desk-priority-low = Low
desk-priority-normal = Normal
desk-priority-high = High
desk-priority-critical = Critical
desk-status-new = New
desk-status-open = Open
desk-status-waiting = Waiting on customer
desk-status-resolved = Solved
desk-status-closed = Closed
desk-minutes = { $hours ->
    [0] { $minutes } min
   *[other] { $hours } h { $minutes } min
}
desk-due-left = { $time } left
desk-due-over = { $time } overdue
desk-due-paused = Paused
desk-level-warning = Warning
desk-level-urgent = Urgent
desk-level-overdue = Overdue
desk-age = { $days ->
    [0] { $hours } h
   *[other] { $days } d
}

desk-ticket-title = Request { $reference }
desk-back = Back to the queue
desk-customer = Customer
desk-contact-name = Name
desk-contact-email = E-mail
desk-contact-phone = Phone
desk-reply-language = Reply language
desk-sent = Sent
desk-team = Team
desk-assignee = Agent
desk-nobody = Nobody
desk-answers = The customer's answers
desk-description = Description
desk-shown = Answers suggested to the customer
desk-shown-none = No answers were suggested to the customer.
desk-opened = opened
desk-not-opened = not opened
desk-history = History
desk-history-empty = Nothing has happened yet.
desk-by-customer = Customer
desk-internal = Internal note
desk-event-assigned = Assigned to { $value }
desk-event-unassigned = Agent removed
desk-event-team = Moved to team { $value }
desk-event-priority = Priority: { $value }
desk-event-merged = Merged into request { $value }
desk-event-merged-from = Request { $value } was merged into this one
desk-event-status = Status: { $status }
desk-merged-into = This request was merged into request { $reference }.

desk-clocks = Service level
desk-target-first-response = Response time
desk-target-resolution = Resolution time
desk-clock-running = Due { $due }
desk-clock-paused = Paused: waiting on the customer or solved
desk-clock-met = Met { $at }
desk-clock-missed = Missed: due { $due }, reached { $at }
desk-why = Why then?
desk-why-start = The clock started when the request was sent, { $start }.
desk-why-budget = The target is { $time } of business time in the team's opening hours (time zone { $zone }).
desk-why-pause = The clock stood still { $from } – { $until }.
desk-why-pause-open = The clock has stood still since { $from }.
desk-why-holiday = { $date } is a public holiday ({ $holiday }).
desk-why-closed = The team is closed on { $date }.
desk-why-days-off = { $days ->
    [one] One day without opening hours (a weekend) was skipped.
   *[other] { $days } days without opening hours (weekends) were skipped.
}

desk-actions = Actions
desk-take = Take it
desk-assign = Change agent
desk-move-team = Move to team
desk-set-priority = Change priority
desk-set-status = Change status
desk-save = Save
desk-reply = Reply to the customer
desk-reply-hint = The reply goes to the customer by e-mail in the reply language and appears on the request's page.
desk-reply-then = Status after the reply
desk-send-reply = Send the reply
desk-template = Reply template
desk-insert-template = Insert the template
desk-no-template = No template
desk-note = Internal note
desk-note-hint = Only staff see it.
desk-add-note = Save the note
desk-merge = Merge a duplicate
desk-merge-into = Request number to merge this one into
desk-merge-button = Merge and close
desk-done = The change was saved.

sla-holiday-new-years-day = New Year's Day
sla-holiday-epiphany = Epiphany
sla-holiday-good-friday = Good Friday
sla-holiday-easter-sunday = Easter Sunday
sla-holiday-easter-monday = Easter Monday
sla-holiday-may-day = May Day
sla-holiday-ascension-day = Ascension Day
sla-holiday-whitsunday = Whit Sunday
sla-holiday-national-day-of-sweden = National Day of Sweden
sla-holiday-midsummer-eve = Midsummer Eve
sla-holiday-midsummer-day = Midsummer Day
sla-holiday-all-saints-day = All Saints' Day
sla-holiday-independence-day = Independence Day
sla-holiday-christmas-eve = Christmas Eve
sla-holiday-christmas-day = Christmas Day
sla-holiday-boxing-day = Boxing Day
sla-holiday-new-years-eve = New Year's Eve

error-desk-changed = Someone else changed the request at the same time. Check where it stands and try again.
error-desk-closed = A closed request takes only internal notes.
error-desk-status = The request cannot move to that status from its current one.
error-desk-agent = The person chosen is not an agent of this team.
error-desk-team = Choose another existing team.
error-desk-unchanged = That is already the setting.
error-desk-message-empty = Write a message.
error-desk-message-long = The message is too long: at most 10,000 characters.
error-desk-merge = Give the number of another open request.
error-desk-month = Give the month, for example 11/2026.

mail-reply-subject = A reply to your request { $reference }
mail-reply-answer = You can answer and follow your request here:
mail-reply-private = The link is yours only: do not forward this message. We never ask for your online banking codes.
mail-team-new-subject = New request { $reference }: { $type }
mail-team-new-body = A new request { $reference } ({ $type }) has arrived in the team's queue.
mail-desk-open = Open the request:
mail-answered-subject = The customer answered: { $reference }
mail-answered-body = The customer added information to request { $reference }, which is assigned to you.

sla-target-first-response = response time
sla-target-resolution = resolution time
desk-event-sla-warning = Service-level warning: { $target }, { $percent }% of the time used
desk-event-sla-breach = Target missed: { $target }
mail-sla-warning-subject = Service-level warning { $reference }: { $target }, { $percent }%
mail-sla-warning-body = { $percent }% of the time for request { $reference } ({ $target }) is used. The target is due { $due }.
mail-sla-breach-subject = Target missed: { $reference }
mail-sla-breach-body = The target of request { $reference } ({ $target }) was due { $due } and was not met in time.
error-webhook-url = Give an address starting with https:// (or http:// on the same network).
