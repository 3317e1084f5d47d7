"""The access module for the REST API: the same actor, perms, gates and scoping as the HTML views,
for people (session) and machine clients (OAuth 2.0 client credentials) alike."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import AuthenticationFailed, PermissionDenied
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from werkzorg.access.policy import Perm
from werkzorg.access.rules import ClientRefused, can, closed_gate, resolve_actor, resolve_client_actor


def is_client_request(request: Request) -> bool:
    """Authenticated by an OAuth access token (a machine client) rather than a person's session."""
    return request.auth is not None and hasattr(request.auth, "application")


class OrgPermission(BasePermission):
    """For API views under /api/v1/o/<org>/: resolves request.actor and checks the view's `required_perm`."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if is_client_request(request):
            try:
                actor = resolve_client_actor(request.auth, view.kwargs["org"])
            except ClientRefused as refused:
                raise AuthenticationFailed(
                    _("This API client is revoked or past its expiry date.")
                ) from refused
            # A client-credentials token has no user; from here on the client's service account is the caller.
            request.user = actor.user
        elif not request.user or not request.user.is_authenticated:
            return False
        else:
            actor = resolve_actor(request.user, view.kwargs["org"])
        request.actor = actor.acting_from(request)  # type: ignore[attr-defined]
        if getattr(view, "clients_only", False) and not actor.is_client:
            raise PermissionDenied(_("Only an API client can use this; register one under API clients."))
        perm: Perm = getattr(view, "required_perm_by_method", {}).get(request.method, view.required_perm)
        if not can(actor, perm):
            return False
        gate = closed_gate(actor)
        if gate is not None:
            raise PermissionDenied(str(gate.message))
        return True


class CallerRateThrottle(SimpleRateThrottle):
    """A budget per machine client and per person (API_RATE, e.g. "600/min"); over it: 429 with Retry-After."""

    scope = "caller"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if is_client_request(request):
            ident = f"client:{request.auth.application_id}"  # type: ignore[union-attr]
        elif request.user and request.user.is_authenticated:
            ident = f"user:{request.user.pk}"
        else:
            ident = f"address:{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}


class PersonOrClient(BasePermission):
    """Outside an organisation's routes (the schema): a signed-in person or a machine client's token."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if is_client_request(request):
            return True
        return bool(request.user and request.user.is_authenticated)
