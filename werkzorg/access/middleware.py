"""Which organisation's page a request is for, known before the signed-in user is loaded."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponseBase

# Every organisation's page lives under /o/<slug>/ (a test holds every org_view route to it).
ORGANISATION_PATH = re.compile(r"^/o/(?P<slug>[-a-zA-Z0-9_]+)/")
_requested_organisation: ContextVar[str | None] = ContextVar("requested_organisation", default=None)


def requested_organisation() -> str | None:
    """The slug of the organisation whose page this request is for; None outside such a page."""
    return _requested_organisation.get()


class RequestedOrganisationMiddleware:
    """Marks the request's organisation for its duration, so the authentication backend can read the user
    and their standing there in one statement (werkzorg.access.rules.load_user_with_standing).

    Goes before AuthenticationMiddleware; a user loaded outside it is loaded as usual."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        match = ORGANISATION_PATH.match(request.path_info)
        token = _requested_organisation.set(match["slug"] if match else None)
        try:
            return self.get_response(request)
        finally:
            _requested_organisation.reset(token)
