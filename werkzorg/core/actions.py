"""The one shape of a POST-only action view: call the service, say how it went, go back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.utils.functional import Promise

from werkzorg.core.errors import DomainError, NotFound

T = TypeVar("T")


def run_action(
    request: HttpRequest,
    action: Callable[[], T],
    *,
    success: str | Promise | Callable[[T], str | Promise],
    back: Callable[[T | None], HttpResponse],
) -> HttpResponse:
    """A domain error becomes a message on the page it came from, never a server error; NotFound stays a 404."""
    try:
        result = action()
    except NotFound:
        raise
    except DomainError as error:
        messages.error(request, str(error.message))
        return back(None)
    said = success(result) if callable(success) else success
    messages.success(request, str(said))
    return back(result)
