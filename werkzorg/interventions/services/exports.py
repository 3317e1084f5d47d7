"""The employer's request list as Excel, without personal data; every export is audited."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, require
from werkzorg.audit.services import record
from werkzorg.core.tabular import write_xlsx
from werkzorg.interventions.models import InterventionEvent


def _day(value: datetime.datetime | None) -> str:
    return timezone.localtime(value).strftime("%d-%m-%Y") if value else ""


def export_requests(*, actor: Actor, requests: Any) -> bytes:
    """`requests` comes from queries.visible_requests, so it holds only what the actor may see."""
    require(actor, Perm.VIEW_INTERVENTIONS)
    header = [
        _("Intervention number"),
        _("Intervention"),
        _("Category"),
        _("Care provider"),
        _("Status"),
        _("Requested on"),
        _("Consent on"),
        _("First appointment"),
        _("Completed on"),
    ]
    rows = (
        [
            r.number,
            r.intervention.title,
            r.get_category_display(),
            r.provider.name,
            r.get_status_display(),
            _day(r.created_at),
            _day(r.consented_at),
            _day(r.first_appointment_at),
            _day(r.completed_at),
        ]
        for r in requests.order_by("-created_at").iterator(chunk_size=2000)
    )
    content = write_xlsx(header, rows, title="Interventies")
    record(InterventionEvent.INTERVENTIONS_EXPORTED, actor=actor)
    return content
