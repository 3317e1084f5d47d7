"""Writing audit events. The one way in: record(); with an actor it derives user, role and organisation."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.db import connections, router
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from werkzorg.access import Actor, Perm, require, scope
from werkzorg.audit import events
from werkzorg.audit.events import AuditEventType
from werkzorg.audit.models import AuditEvent
from werkzorg.core.net import client_ip


def record(
    event_type: StrEnum,
    *,
    actor: Actor | None = None,
    user: Any = None,
    role: str = "",
    organisation: Any = None,
    organisation_id: int | None = None,
    subject: Any = None,
    obj: Any = None,
    request: HttpRequest | None = None,
    outcome: str = "success",
    detail: str = "",
) -> None:
    """Write one audit event. `subject` is the person concerned, `obj` the thing acted on; only ids go in.

    Pass `actor` when someone acts in a capacity (member, physician, provider, desk); `user`/`role`
    only where there is no actor yet (sign-in, registration) or nobody (the employee's link, a deadline).
    The organisation is the actor's unless `organisation` (or its id, when only that was read) says.
    """
    if not events.is_known(event_type):
        raise ValueError(f"unregistered audit event type {event_type!r}")
    if actor is not None:
        user, role = actor.user, actor.role_label
        if organisation is None and organisation_id is None:
            organisation = actor.organisation
    authenticated = user is not None and getattr(user, "is_authenticated", False)
    if request is not None:
        ip_address, user_agent = client_ip(request), request.META.get("HTTP_USER_AGENT", "")
    elif actor is not None:
        ip_address, user_agent = actor.ip_address, actor.user_agent
    else:
        ip_address, user_agent = None, ""
    values = {
        "occurred_at": timezone.now(),
        "event_type": str(event_type),
        "outcome": outcome,
        "actor_id": user.pk if authenticated else None,
        "actor_label": user.email if authenticated else "",
        "actor_role": role[:120],
        "organisation": organisation.pk if organisation is not None else organisation_id,
        "subject_type": subject._meta.model_name if subject is not None else "",
        "subject_id": str(subject.pk) if subject is not None else "",
        "object_type": obj._meta.model_name if obj is not None else "",
        "object_id": str(obj.pk) if obj is not None else "",
        "ip_address": ip_address,
        "user_agent": user_agent[:200],
        "detail": detail[:300],
    }
    _insert(values)


def _insert(values: dict[str, Any]) -> None:
    """One INSERT without the ORM's save machinery: pages that show a person's data write one on every
    read, and building the statement through a model instance cost more than sending it (measured)."""
    connection = connections[router.db_for_write(AuditEvent)]
    fields = [_FIELDS[name] for name in values]
    sql = _INSERTS.get(connection.alias)
    if sql is None:
        # Names from the model's metadata, values as parameters.
        sql = _INSERTS[connection.alias] = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
            connection.ops.quote_name(AuditEvent._meta.db_table),
            ", ".join(connection.ops.quote_name(field.column) for field in fields),
            ", ".join(["%s"] * len(fields)),
        )
    params = [
        field.get_db_prep_save(value, connection)
        for field, value in zip(fields, values.values(), strict=True)
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


_INSERTS: dict[str, str] = {}
_FIELDS = {field.name: field for field in AuditEvent._meta.concrete_fields}


def read_audit_log(*, actor: Actor, event_type: str = "") -> QuerySet[AuditEvent]:
    """What happened in the organisation, for its main account holder; reading it is itself logged.

    Sign-ins are a person's, not an organisation's (a person may work for several): they are in the
    desk's log, and each person sees their own sessions under their account.
    """
    require(actor, Perm.VIEW_AUDIT_LOG)
    record(AuditEventType.AUDIT_LOG_READ, actor=actor, detail=f"filter: {event_type}" if event_type else "")
    log = scope(AuditEvent, actor)
    if events.is_known(event_type):
        log = log.filter(event_type=event_type)
    return log
