# Tuki — page frame and home page (English)

portal-name = Tuki
# One security line everywhere (pages and mail).
-security-line = We never ask for your online banking codes.
portal-tagline = Self-service support
skip-to-content = Skip to main content

search-label = Search for help
search-placeholder = e.g. forgot password, card blocked
search-button = Search
search-landmark-header = Site search
search-landmark-home = Search help articles

language-switcher-label = Language

footer-about = Find answers to your questions in Finnish, Swedish or English.
footer-service-hours = Customer service answers Mon–Fri 8:00–18:00. { -security-line }

home-title = Customer support
home-description = Search answers and get help in Finnish, Swedish or English.
home-heading = How can we help you?
home-lead = Describe your problem in a few words, in Finnish, Swedish or English.
home-tips-heading = Tips for searching
home-tip-words = Use a few keywords, such as “mobile bank login”.
home-tip-language = You can write in Finnish, Swedish or English, with or without ä, ö and å.
home-tip-security = { -security-line }

back-to-home = Back to the home page

not-found-title = Page not found
not-found-body = There is no page at the address { $path }. Check the address, or start again from the home page.

error-title = Something went wrong
error-body = Something unexpected went wrong on our side. Please try again in a moment. If the problem continues, contact customer service.

loading = Loading…

search-title = Search
search-title-query = Search: { $query }
search-results-heading = { $count ->
    [0] No results for “{ $query }”
    [one] 1 result for “{ $query }”
   *[other] { $count } results for “{ $query }”
}
in-other-language = { $language ->
    [fi] In Finnish
    [sv] In Swedish
   *[en] In English
}
kind-article = Article
kind-case = Solved case
kind-article-plural = Articles
kind-case-plural = Solved cases
filter-category = Category
filter-all-categories = All categories
filter-kind = Type
filter-all-kinds = Articles and solved cases
filter-apply = Filter
zero-results-heading = Nothing found for “{ $query }”
zero-results-tip-spelling = Check the spelling, or try another word for the same thing.
zero-results-tip-fewer-words = Use fewer words: “card blocked” finds more than a whole sentence.
zero-results-tip-language = You can also search in Finnish or Swedish.
zero-results-help = Our guided forms help you describe the problem and suggest answers on the way; if nothing helps, they send your support request to customer service.
zero-results-guided-forms = Get help with a guided form
pagination-label = Result pages
pagination-page = Page { $page }

breadcrumbs-label = You are here
breadcrumbs-home = Home
article-only-in-language = This text is not available in English. { $language ->
    [fi] It is shown in Finnish.
    [sv] It is shown in Swedish.
   *[en] It is shown in English.
}
article-outdated = This translation has not yet been updated to match changes in the original text.
article-outdated-link = { $language ->
    [fi] Read the original in Finnish
    [sv] Read the original in Swedish
   *[en] Read the original in English
}
article-other-languages = Also available in
article-related = Related
vote-question = Was this helpful?
vote-comment-label = What could we improve? (optional)
vote-yes = Yes
vote-no = No
vote-thanks = Thank you for your feedback!

home-categories-heading = Browse by topic
home-helpful-heading = Most helpful articles
category-description = { $category }: every article and solved case.
document-description = { $kind ->
    [case] Solved case: { $title }
   *[article] Article: { $title }
}
category-document-count = { $count ->
    [one] 1 answer
   *[other] { $count } answers
}

error-unavailable = The service is temporarily unavailable. Please try again in a moment.
error-search-unavailable = Search is temporarily unavailable. Please try again in a moment.
error-invalid-locale = Unknown language.
error-not-found = The page was not found.
error-forbidden = You do not have the rights to do this.
error-invalid-vote = Your answer could not be recorded. Please choose yes or no.
error-comment-too-long = The comment is too long: at most 1,000 characters.
error-too-large = What you sent was too large. Shorten the text and send it again.
error-unsupported-form = The service accepts only its own pages' forms. Go back to the page and send the form again.
error-bad-form = The form could not be read. Go back to the page and send the form again.
error-method-not-allowed = Information cannot be sent to this address this way. Go back to the home page.
error-cross-site = The form was sent from another website, so it was not processed. Open the page in this service and send the form again.
error-api-missing-query = Give the search words in the parameter q.
error-api-query-too-long = The search is too long: at most 200 characters.
error-api-invalid-locale = The parameter locale must be fi, sv or en.
error-api-invalid-limit = The parameter limit must be a whole number from 1 to 50.
error-api-invalid-category = The parameter category is not a valid category identifier.
error-api-invalid-kind = The parameter kind must be article or case.
suggestions-label = Suggested answers
