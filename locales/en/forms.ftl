## Guided support forms

help-title = Get help
help-description = Tell us about your problem in a few answers. We suggest solutions along the way, and if nothing helps, you send a support request.
help-lead = Choose what your problem is about. We ask a few questions one at a time and suggest answers on the way; if nothing helps, your support request goes to customer service.
help-intro-how = We ask a few questions, one page at a time. At every step we show answers that fit what you said. You can change your answers before sending.
help-start = Start
form-back = Back
form-progress = Step { $number } of { $total }
form-continue = Continue
form-optional = (optional)
form-yes = Yes
form-no = No
form-select-prompt = Choose…
form-error-summary = Please correct these answers
form-error-prefix = Error:
form-error-title-prefix = Error: { $title }
form-suggestions-heading = Does one of these solve it?
form-suggestions-hint = The answers open in a new tab, so you can come back here.
form-suggestions-updated = { $count ->
    [0] No answers fit what you wrote yet.
    [one] One answer fits what you wrote.
   *[other] { $count } answers fit what you wrote.
}
form-solved = This solved my problem
form-solved-title = Glad we could help
form-solved-body = Your problem was solved without a support request. If it comes back, you can always start again.
form-check-title = Check your answers
form-urgent-heading = Do this first
form-check-next = Next you give your contact details and describe the problem in your own words.
form-change = Change
form-error-required = Answer this question.
form-error-too-short = { $limit ->
    [one] Write at least { $limit } character.
   *[other] Write at least { $limit } characters.
}
form-error-too-long = { $limit ->
    [one] Write at most { $limit } character.
   *[other] Write at most { $limit } characters.
}
form-error-not-a-number = Enter a number, for example 12 or 3.5.
form-error-below-minimum = Enter a number of at least { $limit }.
form-error-above-maximum = Enter a number of at most { $limit }.
form-error-pattern = Check the format of your answer.
form-error-email = Enter an e-mail address like name@example.com.
form-error-tel = Enter a telephone number like +358 40 123 4567.
form-error-date = Enter a real date, for example 31/3/2026.
form-error-option = Choose one of the options.
form-error-one-value = Choose only one option.
form-error-unknown-field = The form had an answer it does not ask for; please send it again.
contact-title = Your contact details and the problem
contact-name = Your name
contact-email = E-mail address
contact-email-hint = We send a confirmation and a private link for following your request.
contact-phone = Telephone number
contact-reply-language = Language for our replies
contact-description = Describe the problem in your own words
contact-description-hint = What happened, what you have already tried, and any error messages.
language-name-fi = Finnish
language-name-sv = Swedish
language-name-en = English
form-send = Send
form-honeypot-label = Leave this field empty
form-done-title = Your request has been sent
form-done-reference = Your request number
form-done-body = We have sent a confirmation to your e-mail address. Customer service will reply to you there.
mail-greeting = Hello,
mail-not-you = If you did not send this request, you can ignore this message. The link in this message never asks you to sign in with your banking codes. { -security-line }
mail-confirmation-subject = We received your request { $reference }
mail-confirmation-body = Thank you for your support request. Its request number is { $reference }. Customer service will reply to this address.
mail-confirmation-link = You can follow your request, add information and mark it solved here:
mail-confirmation-private = The link is yours only: do not forward this message.
mail-signature = Customer service
ticket-status = Status
ticket-sent-on = Sent on
ticket-status-new = Received
ticket-status-open = In progress
ticket-status-waiting = Waiting for your reply
ticket-status-resolved = Resolved
ticket-status-closed = Closed
error-rate-limited = Too many requests from your address in a short time. Wait a minute and try again.
ticket-conversation = Messages
ticket-from-you = You
ticket-from-desk = Customer service
ticket-add-label = Add information
ticket-add-send = Send
ticket-mark-solved = My problem is solved
ticket-updated = Thank you, your message has been sent.
ticket-update-error = Write a message of at most 4,000 characters.
