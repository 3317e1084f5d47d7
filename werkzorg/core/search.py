"""Person searches never travel in a URL (where proxies and access logs keep them): the search text is
posted, kept in the session, and the URL carries only a meaningless token for paging and exports."""

from __future__ import annotations

import secrets

from django.http import HttpRequest

SESSION_KEY = "werkzorg_searches"
KEEP = 20  # recent searches per session


def remember_search(request: HttpRequest, text: str) -> str:
    """A token for the search text, or "" for no search."""
    text = text.strip()[:100]
    if not text:
        return ""
    searches: dict[str, str] = request.session.get(SESSION_KEY, {})
    token = next((t for t, s in searches.items() if s == text), "") or secrets.token_urlsafe(6)
    if list(searches)[-1:] == [token]:
        return token  # the latest search again (paging, a second click): the session need not be written
    searches.pop(token, None)
    searches[token] = text
    request.session[SESSION_KEY] = dict(list(searches.items())[-KEEP:])
    return token


def recall_search(request: HttpRequest, token: str) -> str:
    return str(request.session.get(SESSION_KEY, {}).get(token, ""))
