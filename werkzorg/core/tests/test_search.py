"""A search is kept in the session under a token; the same latest search again writes nothing."""

from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from werkzorg.core.search import KEEP, recall_search, remember_search


def request_with_session():  # type: ignore[no-untyped-def]
    request = RequestFactory().post("/")
    request.session = SessionStore()
    return request


def test_a_search_is_found_again_by_its_token_and_repeating_it_writes_nothing(db: None) -> None:
    request = request_with_session()
    token = remember_search(request, "  de vries ")
    assert recall_search(request, token) == "de vries"
    request.session.modified = False
    assert remember_search(request, "de vries") == token
    assert request.session.modified is False
    other = remember_search(request, "bakker")
    assert other != token and request.session.modified is True
    assert remember_search(request, "de vries") == token  # an older search comes back to the front


def test_only_the_latest_searches_are_kept(db: None) -> None:
    request = request_with_session()
    tokens = [remember_search(request, f"zoek {n}") for n in range(KEEP + 3)]
    assert recall_search(request, tokens[0]) == ""
    assert recall_search(request, tokens[-1]) == f"zoek {KEEP + 2}"
    assert remember_search(request, "   ") == ""
