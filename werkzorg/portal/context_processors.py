from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from werkzorg.access import desk_actor
from werkzorg.access.templates import PermChecker
from werkzorg.organisations.models import OperatorSettings
from werkzorg.organisations.queries import list_organisations_for_user


def portal(request: HttpRequest) -> dict[str, Any]:
    """Every page: the operator, the organisation acted for, and `can` (the only rights question templates ask)."""
    actor = getattr(request, "actor", None)
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    if actor is None and signed_in:
        actor = desk_actor(user)  # outside an organisation the only standing is the desk's
    context: dict[str, Any] = {
        "operator": OperatorSettings.current(),
        "actor": actor,
        "current_org": actor.organisation if actor else None,
        "can": PermChecker(actor),
        "session_idle_timeout": settings.SESSION_IDLE_TIMEOUT,
        "session_idle_warning": settings.SESSION_IDLE_WARNING,
        "dev_outbox": settings.DEV_OUTBOX,
    }
    if signed_in:
        context["user_organisations"] = list_organisations_for_user(user)
    return context
