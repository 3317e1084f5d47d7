"""Audit events with the fields NEN 7513 asks; rows are written once and never changed or deleted."""

from __future__ import annotations

from typing import Any, NoReturn

from django.db import models
from django.utils.translation import gettext_lazy as _

from werkzorg.audit import events
from werkzorg.core.tenancy import Tenancy


class AuditQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise PermissionError("Audit events cannot be changed")

    def delete(self) -> NoReturn:
        raise PermissionError("Audit events cannot be deleted")

    # An organisation's log; read only through werkzorg.audit.services.read_audit_log.
    tenancy = Tenancy()


class AuditEvent(models.Model):
    occurred_at = models.DateTimeField(_("time (UTC)"), auto_now_add=True, db_index=True)
    event_type = models.CharField(_("event"), max_length=40)  # codes registered in audit/events.py
    outcome = models.CharField(_("outcome"), max_length=10, default="success")
    # Who: the user and the capacity (role) they acted in.
    actor_id = models.BigIntegerField(_("user id"), null=True, blank=True)
    actor_label = models.CharField(_("user"), max_length=254, blank=True)
    actor_role = models.CharField(_("role"), max_length=120, blank=True)
    # On whose behalf: the organisation (tenant) the action was for. Django still refuses to delete an
    # organisation with events (PROTECT), but the database checks no key: the check locked the
    # organisation's row on every audited read (FOR KEY SHARE), so all of an employer's readers wrote to
    # that one row. The index with the time below serves the lookups by organisation.
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,
        db_index=False,
    )
    # The person concerned and the object, by reference only: never the data itself.
    subject_type = models.CharField(_("person concerned (type)"), max_length=40, blank=True)
    subject_id = models.CharField(_("person concerned (id)"), max_length=64, blank=True)
    object_type = models.CharField(_("object type"), max_length=60, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    # Where from.
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("device"), max_length=200, blank=True)
    detail = models.CharField(_("detail"), max_length=300, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["organisation", "-occurred_at"])]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M:%S} {self.event_type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("Audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise PermissionError("Audit events cannot be deleted")

    def get_event_type_display(self) -> str:
        return events.label(self.event_type)
