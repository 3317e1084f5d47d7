"""Writing audit events. The one way in: record()."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from werkzorg.audit.models import AuditEvent, AuditEventType


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record(
    event_type: AuditEventType,
    *,
    user: Any = None,
    role: str = "",
    organisation: Any = None,
    subject: Any = None,
    obj: Any = None,
    request: HttpRequest | None = None,
    outcome: str = "success",
    detail: str = "",
) -> AuditEvent:
    """Write one audit event. `subject` is the person concerned, `obj` the thing acted on; only ids go in."""
    authenticated = user is not None and getattr(user, "is_authenticated", False)
    return AuditEvent.objects.create(
        event_type=event_type,
        outcome=outcome,
        actor_id=user.pk if authenticated else None,
        actor_label=user.email if authenticated else "",
        actor_role=role[:120],
        organisation=organisation,
        subject_type=subject._meta.model_name if subject is not None else "",
        subject_id=str(subject.pk) if subject is not None else "",
        object_type=obj._meta.model_name if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        ip_address=client_ip(request),
        user_agent=(request.META.get("HTTP_USER_AGENT", "") if request else "")[:200],
        detail=detail[:300],
    )


def read_audit_log(*, actor: Any, event_type: str = "") -> Any:
    """The organisation's log for its superusers; reading it is itself logged."""
    from werkzorg.access import Perm, require
    from werkzorg.access.policy import describe_role

    require(actor, Perm.VIEW_AUDIT_LOG)
    record(
        AuditEventType.AUDIT_LOG_READ,
        user=actor.user,
        role=describe_role(actor),
        organisation=actor.organisation,
        detail=f"filter: {event_type}" if event_type else "",
    )
    events = AuditEvent.objects.for_org(actor.organisation)
    if event_type in AuditEventType.values:
        events = events.filter(event_type=event_type)
    return events
