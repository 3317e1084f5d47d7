"""Writing audit events. The one way in: record()."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
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


def organisation_events(organisation: Any) -> Q:
    """The organisation's own events, plus its members' sign-ins, failures and contact changes (not tied to one tenant)."""
    from werkzorg.organisations.models import Membership

    member_ids = list(Membership.objects.filter(organisation=organisation).values_list("user_id", flat=True))
    personal = [AuditEventType.LOGIN, AuditEventType.LOGOUT, AuditEventType.CONTACT_CHANGED]
    return (
        Q(organisation=organisation)
        | Q(organisation__isnull=True, actor_id__in=member_ids, event_type__in=personal)
        | Q(
            organisation__isnull=True,
            event_type=AuditEventType.LOGIN_FAILED,
            subject_type="user",
            subject_id__in=[str(pk) for pk in member_ids],
        )
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
    events = AuditEvent.objects.filter(organisation_events(actor.organisation))
    if event_type in AuditEventType.values:
        events = events.filter(event_type=event_type)
    return events
