"""Audit events with the fields NEN 7513 asks; rows are written once and never changed or deleted."""

from __future__ import annotations

from typing import Any, NoReturn

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEventType(models.TextChoices):
    LOGIN = "login", _("Signed in")
    LOGIN_FAILED = "login_failed", _("Failed sign-in")
    LOGOUT = "logout", _("Signed out")
    INVITATION_SENT = "invitation_sent", _("Invitation sent")
    INVITATION_REVOKED = "invitation_revoked", _("Invitation withdrawn")
    INVITATION_ACCEPTED = "invitation_accepted", _("Invitation accepted")
    MEMBER_ADDED = "member_added", _("User added to organisation")
    MEMBER_REMOVED = "member_removed", _("User removed from organisation")
    RIGHTS_CHANGED = "rights_changed", _("Rights changed")
    PHYSICIAN_AUTHORISED = "physician_authorised", _("Physician authorised")
    PHYSICIAN_REVOKED = "physician_revoked", _("Physician authorisation revoked")
    TERMS_ACCEPTED = "terms_accepted", _("Terms accepted")
    USER_DISABLED = "user_disabled", _("User disabled")
    TWO_FACTOR_RESET = "two_factor_reset", _("Two-factor reset by the desk")
    CONTACT_CHANGED = "contact_changed", _("E-mail or mobile number changed")
    EMPLOYEE_READ = "employee_read", _("Employee data read")
    EMPLOYEE_SEARCHED = "employee_searched", _("Employee register searched")
    EMPLOYEE_CHANGED = "employee_changed", _("Employee data changed")
    EMPLOYEES_IMPORTED = "employees_imported", _("Employee register imported")
    EMPLOYEES_EXPORTED = "employees_exported", _("Employee register exported")
    AUDIT_LOG_READ = "audit_log_read", _("Audit log read")
    INTERVENTION_REQUESTED = "intervention_requested", _("Intervention requested")
    INTERVENTION_CANCELLED = "intervention_cancelled", _("Intervention cancelled")
    INTERVENTION_READ = "intervention_read", _("Intervention request read")
    INTERVENTION_STATUS = "intervention_status", _("Intervention status changed")
    INTERVENTIONS_EXPORTED = "interventions_exported", _("Intervention requests exported")
    CONSENT_GIVEN = "consent_given", _("Consent given by the employee")
    CONSENT_REFUSED = "consent_refused", _("Consent refused by the employee")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Consent withdrawn by the employee")
    CONSENT_EXPIRED = "consent_expired", _("Consent expired (no answer)")


class AuditQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise PermissionError("Audit events cannot be changed")

    def delete(self) -> NoReturn:
        raise PermissionError("Audit events cannot be deleted")

    def for_org(self, organisation: Any) -> AuditQuerySet:
        return self.filter(organisation=organisation)


class AuditEvent(models.Model):
    occurred_at = models.DateTimeField(_("time (UTC)"), auto_now_add=True, db_index=True)
    event_type = models.CharField(_("event"), max_length=40, choices=AuditEventType.choices)
    outcome = models.CharField(_("outcome"), max_length=10, default="success")
    # Who: the user and the capacity (role) they acted in.
    actor_id = models.BigIntegerField(_("user id"), null=True, blank=True)
    actor_label = models.CharField(_("user"), max_length=254, blank=True)
    actor_role = models.CharField(_("role"), max_length=120, blank=True)
    # On whose behalf: the organisation (tenant) the action was for.
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
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
