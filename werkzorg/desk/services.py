"""The desk's edits in the admin: checked against the desk's permissions and audited, in one transaction.

Not durable: Django's admin already wraps a change form in a transaction, and these send no e-mail.
"""

from __future__ import annotations

from django.db import models, transaction

from werkzorg.access import Actor, Perm, require
from werkzorg.audit.events import AuditEventType
from werkzorg.audit.services import record


def _tenant(obj: models.Model) -> object:
    return getattr(obj, "organisation", None) if hasattr(obj, "organisation_id") else None


def save_by_desk(
    *, actor: Actor, perm: Perm, obj: models.Model, created: bool, changed: list[str], person: bool = False
) -> None:
    require(actor, perm)
    with transaction.atomic():
        obj.save()
        record(
            AuditEventType.DESK_CREATED if created else AuditEventType.DESK_CHANGED,
            actor=actor,
            organisation=_tenant(obj),
            subject=obj if person else None,
            obj=obj,
            detail=f"fields: {','.join(changed)}" if changed else "",
        )


def delete_by_desk(*, actor: Actor, perm: Perm, obj: models.Model, person: bool = False) -> None:
    require(actor, perm)
    with transaction.atomic():
        record(
            AuditEventType.DESK_DELETED,
            actor=actor,
            organisation=_tenant(obj),
            subject=obj if person else None,
            obj=obj,
        )
        obj.delete()


def read_list_by_desk(*, actor: Actor, perm: Perm, model: type[models.Model]) -> None:
    """A list of people opened in the desk (support looking someone up): audited like a search."""
    require(actor, perm)
    record(AuditEventType.DESK_READ, actor=actor, detail=f"list: {model._meta.model_name}")


def read_by_desk(*, actor: Actor, perm: Perm, obj: models.Model) -> None:
    """A person's record opened in the desk: written to the audit log like any other read."""
    require(actor, perm)
    record(AuditEventType.DESK_READ, actor=actor, organisation=_tenant(obj), subject=obj, obj=obj)
