"""View wrappers: every view declares who may reach it; a test walks the URLs and checks they all do."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, Literal

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import redirect

from werkzorg.access.actor import Actor
from werkzorg.access.policy import Perm
from werkzorg.access.rules import closed_gate, require, resolve_actor

AccessKind = Literal["public", "user", "org"]
ViewFunc = Callable[..., HttpResponseBase]


class OrgRequest(HttpRequest):
    actor: Actor


def _mark(view: ViewFunc, kind: AccessKind, perm: Perm | None, **extra: Any) -> ViewFunc:
    view.access = {"kind": kind, "perm": perm, **extra}  # type: ignore[attr-defined]
    return view


def public_view(view: ViewFunc) -> ViewFunc:
    """Anyone, signed in or not (login, invitation links, the public catalogue)."""
    return _mark(view, "public", None)


def user_view(view: ViewFunc) -> ViewFunc:
    """Any signed-in user, outside an organisation (profile, choosing an organisation)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return _mark(wrapped, "user", None)


def org_view(perm: Perm, *, gates_exempt: frozenset[str] = frozenset()) -> Callable[[ViewFunc], ViewFunc]:
    """A page of one organisation (`org` in the URL) needing `perm`: 404 without standing, 403 without perm.

    A closed gate (terms not accepted) sends the user to the page that opens it.
    """

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: HttpRequest, org: str, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            actor = resolve_actor(request.user, org).acting_from(request)
            require(actor, perm)
            request.actor = actor  # type: ignore[attr-defined]
            gate = closed_gate(actor, exempt=gates_exempt)
            if gate is not None:
                return redirect(gate.url_name, org=org)
            return view(request, *args, **kwargs)

        return _mark(wrapped, "org", perm)

    return decorator
