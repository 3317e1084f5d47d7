from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from werkzorg.access.policy import Perm
from werkzorg.organisations.models import OperatorSettings


class PermChecker:
    """Templates ask `can.invite_users`; the answer comes from the access policy, nowhere else."""

    def __init__(self, perms: frozenset[Perm]) -> None:
        self._perms = perms

    def __getattr__(self, name: str) -> bool:
        try:
            return Perm(name) in self._perms
        except ValueError as exc:
            raise AttributeError(name) from exc


def portal(request: HttpRequest) -> dict[str, Any]:
    actor = getattr(request, "actor", None)
    context: dict[str, Any] = {
        "operator": OperatorSettings.current(),
        "actor": actor,
        "current_org": actor.organisation if actor else None,
        "can": PermChecker(actor.perms if actor else frozenset()),
        "session_idle_timeout": settings.SESSION_IDLE_TIMEOUT,
        "session_idle_warning": settings.SESSION_IDLE_WARNING,
        "dev_outbox": settings.DEV_OUTBOX,
    }
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        from werkzorg.organisations.queries import list_organisations_for_user

        context["user_organisations"] = list_organisations_for_user(user)
    return context
