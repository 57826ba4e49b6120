# The editors' workspace: the list of documents, the editor, a text's history.

workspace-title = Editors’ workspace
workspace-open = Open the editors’ workspace
workspace-search = Title or address contains
workspace-category = Category
workspace-status = Status
workspace-translation = Translation
workspace-language = In language
workspace-any = Any
workspace-any-language = Any language
workspace-filter = Filter
workspace-count = { $count ->
    [one] Showing { $shown } of { $total } document.
   *[other] Showing { $shown } of { $total } documents.
}
workspace-previous = Previous page
workspace-next = Next page
workspace-pages = Pages of the list
workspace-page = Page { $page } of { $pages }
workspace-document = Document
workspace-has-draft = draft waiting
workspace-status-published = Published
workspace-status-draft = Not published
workspace-state-source = Original
workspace-state-up-to-date = Up to date
workspace-state-out-of-date = Out-of-date translation
workspace-state-missing = Not translated

editor-title = Edit
editor-draft = Draft
editor-draft-waiting = Revision { $revision } is a draft: customers see the published text until you publish it.
editor-no-draft = No unpublished changes.
editor-history = Revisions and changes
editor-customer-page = Open the page customers see
editor-languages = Languages of this document
editor-outdated-heading = This is an out-of-date translation
editor-outdated-lead = The original text has changed in a major way since this translation was made. These are the changes:
editor-compare = Show beside the editor
editor-compare-none = Nothing
editor-compare-show = Show
editor-field-title = Title
editor-field-summary = Summary
editor-field-body = Text
editor-field-body-hint = Markdown: ## for a heading, - for a list item, 1. for a numbered step, [text](address) for a link.
editor-field-tags = Keywords
editor-field-tags-hint = Words customers might search with, separated by commas.
editor-field-questions = Questions this text answers
editor-field-questions-hint = Write the questions as a customer would ask them, one per line. Search finds them; they are not shown.
editor-change-source = How big is the change? A major change marks the translations out of date.
editor-change = How big is the change?
editor-change-typo = A typo or formatting: the meaning stays the same
editor-change-minor = A minor change
editor-change-major = A major change: the meaning changes
editor-change-typo-short = Typo
editor-change-minor-short = Minor
editor-change-major-short = Major
editor-field-note = Note on this revision (optional)
editor-preview = Preview
editor-save = Save draft
editor-publish = Publish
editor-unpublish = Take off the customers’ pages
editor-preview-hint = Preview and Save draft keep your text as a draft revision; customers see it only once you publish it.
editor-preview-heading = Preview
editor-saved = The draft is saved.
editor-published = Published. Customers see the text and search finds it.
editor-unpublished = The document is no longer on the customers’ pages.
editor-restored = The old revision is now the draft. Publish it to show it to customers.
editor-restored-note = Restored from revision { $revision }

history-title = Revisions
history-revision = Revision
history-when = Saved
history-who = By
history-change = Change
history-note = Note
history-actions = Actions
history-import = Import
history-published = published
history-restore = Restore revision { $revision }
history-diff-link = Changes in revision { $revision }
history-compare = Compare two revisions
history-from = From revision
history-to = To revision
history-show = Show the changes
history-only-one = This text has only one revision.

diff-caption = Changes from revision { $from } to revision { $to }
diff-added = Added:
diff-removed = Removed:

error-editor-title = Enter a title of at most 200 characters.
error-editor-summary = Shorten the summary to at most 500 characters.
error-editor-body = Enter the text, at most 50,000 characters.
error-editor-tags = Enter at most 20 keywords of at most 50 characters each.
error-editor-questions = Enter at most 20 questions of at most 200 characters each.
error-editor-note = Shorten the note to at most 500 characters.
error-editor-change = Choose how big the change is.
error-editor-action = Choose what to do with the text.
error-editor-revision = Choose a revision of this text.
error-editor-nothing-to-publish = There is no text to publish in this language yet. Write it and save it first.

editor-manage = Publishing, category and deletion
editor-move = Category
editor-move-button = Move
editor-moved = The document is in its new category.
editor-delete = Delete this document…
editor-delete-confirm = Delete this document in every language? It disappears from the customers’ pages and from search at once. Its revisions are kept.
editor-delete-yes = Delete the document
editor-delete-cancel = Cancel
workspace-deleted = The document is deleted.
error-editor-slug = Enter an address of lowercase letters a–z, digits and hyphens, for example lost-card.
error-editor-slug-taken = There is already a document at this address. Choose another one.
error-editor-category = Choose one of the categories.
error-editor-confirm = Confirm the deletion with its button.
error-editor-kind = Choose whether this is an article or a solved case, and its language.

categories-title = Categories
categories-name = { $language ->
    [fi] Name in Finnish
    [sv] Name in Swedish
   *[en] Name in English
}
categories-documents = { $count ->
    [0] no documents
    [one] { $count } document
   *[other] { $count } documents
}
categories-save = Save the names
categories-delete = Delete the category
categories-new = New category
categories-slug = Address
categories-slug-hint = Lowercase letters a–z, digits and hyphens, for example cards-and-payments. It cannot be changed later.
categories-create = Create the category
categories-created = The category is created.
categories-saved = The names are saved.
categories-deleted = The category is deleted.
error-category-slug = Enter an address of lowercase letters a–z, digits and hyphens, for example cards-and-payments.
error-category-name = Enter the category’s name in every language, at most 100 characters each.
error-category-not-empty = Only a category without documents can be deleted. Move its documents first.

new-document-title = New article or solved case
new-document-lead = The new document is a draft: customers see it once you publish it in the editor.
new-document-kind = Type
new-document-slug = Address
new-document-language = Language of the first text
new-document-create = Create and open in the editor

analytics-title = Analytics
analytics-from = From
analytics-to = To
analytics-show = Show
analytics-default-period = Show the last 30 days
analytics-summary = { $searches ->
    [one] { $searches } search: { $found } found something, { $opened } led to an answer being opened.
   *[other] { $searches } searches: { $found } found something, { $opened } led to an answer being opened.
}
analytics-top-searches = Most frequent searches
analytics-top-chart = The ten most frequent searches and how many times each was made
analytics-without-results = Searches that found nothing
analytics-nothing-opened = Searches whose results nobody opened
analytics-documents = Answers opened from search and votes
analytics-guided-forms = Guided forms and deflection
analytics-deflection-chart = Share of guided forms solved by a suggestion, per request type and language
analytics-query = Search
analytics-searches = Searches
analytics-opened = Answer opened
analytics-write-article = Write an article for this
analytics-opened-from-search = Opened from search
analytics-helpful = Helpful
analytics-not-helpful = Not helpful
analytics-comments = Comments
analytics-request-type = Request type
analytics-started = Started
analytics-saw-suggestions = Shown suggestions
analytics-opened-suggestion = Opened a suggestion
analytics-solved = Solved by a suggestion
analytics-tickets = Sent as a request
analytics-deflection = Deflection
analytics-csv = Download as CSV
analytics-none = Nothing in this period.
analytics-learned = Answers learned from customers
analytics-learned-intro = When a customer searched, opened an answer from the results and said it helped, that answer is shown first for the same search and for searches with the same words. An answer is shown first only after three recent confirmations, and a confirmation counts half after 90 days. Nothing is stored about who searched.
analytics-learned-answer = Answer
analytics-learned-evidence = Confirmations
analytics-learned-state = State
analytics-learned-promoted = Shown first
analytics-learned-gathering = Gathering confirmations
analytics-learned-confirmed = Last confirmed
error-analytics-period = Choose a period of at most three years whose first day is not after its last day.

review-title = Review
review-ask = Ask for a review before publishing
review-ask-button = Ask
review-waiting = { $reviewer } has been asked to review this draft.
review-for-you = { $requested_by } asks you to review this draft. Publish it if it is ready, or send it back with a comment.
review-comment = What should change?
review-return = Send back
review-approve-hint = Publishing the draft answers the review.
review-returned-by = { $reviewer } sent the draft back:
review-requested = The review is asked for.
review-returned = The draft is sent back with your comment.
review-waiting-for-you = Drafts waiting for your review
review-asked-by = asked by { $requested_by }
error-review-no-draft = There is no draft to review. Save your changes first.
error-review-reviewer = Choose another editor or administrator with an active account.
error-review-none = Nobody has been asked to review this draft.
error-review-comment = Write a comment of at most 500 characters.
