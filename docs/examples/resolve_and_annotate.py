#!/usr/bin/env python3
"""Calls a running `gazetteer serve` with the Python standard library only: resolves a name, then annotates
an article and prints each place it names with its coordinates.

Usage: docs/examples/resolve_and_annotate.py [BASE_URL]   (default http://127.0.0.1:8080)
"""
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

BASE = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8080"


def call(path, body=None, content_type="application/json"):
    """The decoded JSON answer of GET (no body) or POST (body) `path`; the service's error message on 4xx/5xx."""
    data = body.encode() if isinstance(body, str) else body
    request = urllib.request.Request(BASE + path, data=data, headers={"Accept": "application/json"})
    if data is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        message = json.load(error).get("error", {}).get("message", error.reason)
        sys.exit(f"{path}: HTTP {error.code}: {message}")


# One name, in any spelling or script; `country` and `near` are preferences, `limit` caps the answers.
query = urllib.parse.urlencode({"q": "Cermuk", "limit": 1})
best = call(f"/v1/resolve?{query}")["results"][0]
print(f"Cermuk -> {best['label']} ({best['lat']}, {best['lon']}) score {best['score']}")

# An article: every place it names, resolved with the article's context.
article = "Protesters gathered in Jermuk on Monday, near the border with Azerbaijan."
document = call("/v1/annotate", json.dumps({"text": article, "country": "AM"}))
for mention in document["mentions"]:
    place = mention["place"]
    print(f"{mention['text']!r} at {mention['start']}-{mention['end']} -> {place['label']} "
          f"({place['lat']}, {place['lon']})")
