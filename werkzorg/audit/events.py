"""Audit event types: each app registers its own TextChoices at start-up, so no audit migration is needed."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

_labels: dict[str, str] = {}


def register(*choices: type[models.TextChoices]) -> None:
    for enum in choices:
        for member in enum:
            known = _labels.get(member.value)
            if known is not None and known != member.label:
                raise ValueError(f"audit event type {member.value!r} registered twice")
            _labels[member.value] = member.label


def label(code: str) -> str:
    return str(_labels.get(code, code))


def choices() -> list[tuple[str, str]]:
    return sorted(((code, str(text)) for code, text in _labels.items()), key=lambda pair: pair[1])


def is_known(code: str) -> bool:
    return code in _labels


class AuditEventType(models.TextChoices):
    """The audit app's own events: sign-ins, reading the log, and the desk's edits in the admin."""

    LOGIN = "login", _("Signed in")
    LOGIN_FAILED = "login_failed", _("Failed sign-in")
    LOGOUT = "logout", _("Signed out")
    AUDIT_LOG_READ = "audit_log_read", _("Audit log read")
    DESK_CREATED = "desk_created", _("Added by the desk")
    DESK_CHANGED = "desk_changed", _("Changed by the desk")
    DESK_DELETED = "desk_deleted", _("Deleted by the desk")
    DESK_IMPORTED = "desk_imported", _("Imported by the desk")
    DESK_READ = "desk_read", _("Read by the desk")
