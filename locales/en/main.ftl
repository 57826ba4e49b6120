# Tuki — page frame and home page (English)

portal-name = Tuki
portal-tagline = Self-service support
skip-to-content = Skip to main content

search-label = Search for help
search-placeholder = e.g. forgot password, card blocked
search-button = Search
search-landmark-header = Site search
search-landmark-home = Search help articles

language-switcher-label = Language

footer-about = Tuki finds answers to your questions in Finnish, Swedish and English.
footer-service-hours = The service desk answers Mon–Fri 8–18. Never share your passwords or codes with anyone.

home-title = Customer support
home-description = Search answers and get help in Finnish, Swedish or English.
home-heading = How can we help you?
home-lead = Describe your problem in a few words, in your own language.
home-tips-heading = Tips for searching
home-tip-words = Use a few keywords, such as “mobile bank login”.
home-tip-language = You can write in Finnish, Swedish or English, with or without ä, ö and å.
home-tip-security = We will never ask for your password, PIN or authentication codes.

back-to-home = Back to the home page

not-found-title = Page not found
not-found-body = There is no page at the address { $path }. Check the address, or start again from the home page.

error-title = Something went wrong
error-body = The service ran into an unexpected error. Please try again in a moment. If the problem continues, contact the service desk.
