#!/usr/bin/env python3
"""The outside tester's payloads against a running portal: script in the page title, control
characters in posted addresses, and the vote endpoint's bad values, foreign redirects and
repeated votes. Prints what it found and exits 1 if anything.

Usage: payloads.py BASE_URL   (e.g. http://127.0.0.1:3000)
"""

import http.client
import re
import sys
import urllib.parse

TITLE_PAYLOAD = "</title><script>alert(1)</script>"


def request(base, method, path, fields=None, headers=None):
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        body = urllib.parse.urlencode(fields) if fields is not None else None
        all_headers = dict(headers or {})
        if body is not None:
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=all_headers)
        response = conn.getresponse()
        return response.status, response.getheader("Location") or "", response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def main():
    base = sys.argv[1].rstrip("/")
    found = []

    # Row 1: the query (reflected) in <title>, and the CSP that would stop it anyway.
    for lang in ["fi", "sv", "en"]:
        status, _, html = request(base, "GET", f"/{lang}/search?q={urllib.parse.quote(TITLE_PAYLOAD)}")
        title = re.search(r"<title>(.*?)</title>", html, re.S)
        if status != 200 or not title or "<script" in title.group(1) or "<script>alert(1)" in html:
            found.append(f"row 1: /{lang}/search puts the payload into the page as markup")

    # Row 3: control characters in posted addresses.
    for path in [
        "/en/help/x%0Ay",
        "/en/help/e-invoice%0D%0ASet-Cookie:%20x=y",
        "/en/help/e-invoice/0123456789abcdef0123456789abcdef%0A/topic",
        "/en/help/e-invoice/0123456789abcdef0123456789abcdef/contact%00",
        "/en/tickets/TK-2026-000001%0A",
        "/en/articles/x%0Ay/vote",
    ]:
        status, location, _ = request(base, "POST", path, {"x": "1"})
        if status >= 500 or any(c in location for c in "\r\n\0"):
            found.append(f"row 3: POST {path} answered {status} {location!r}")

    # Row 5: the vote endpoint.
    vote = "/en/articles/reset-forgotten-password/vote"
    status, _, _ = request(base, "POST", vote, {"helpful": "maybe"})
    if status != 400:
        found.append(f"row 5: a bad vote answered {status}, not 400")
    status, location, _ = request(
        base, "POST", vote, {"helpful": "maybe"}, {"Accept": "text/html", "Referer": "https://evil.example/"}
    )
    if "evil.example" in location:
        found.append("row 5: a bad vote redirected to the referring site")
    status, _, _ = request(base, "POST", vote, {"helpful": "yes"}, {"Origin": "https://evil.example"})
    if status != 403:
        found.append(f"row 5: a cross-site vote answered {status}, not 403")
    answers = {request(base, "POST", vote, {"helpful": "yes"})[0] for _ in range(100)}
    if not answers <= {303, 429}:
        found.append(f"row 5: 100 votes from one address answered {sorted(answers)}")

    for line in found:
        print(line)
    print(f"payloads of rows 1, 3 and 5: {len(found)} problems found")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
