"""The employer's request list as Excel, without personal data; made in the background, audited."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, require
from werkzorg.audit.services import record
from werkzorg.core.tabular import write_xlsx
from werkzorg.interventions.models import Category, InterventionEvent, RequestStatus
from werkzorg.jobs.registry import Progress, Result

COLUMNS = (
    "number",
    "intervention__title",
    "category",
    "provider__name",
    "status",
    "created_at",
    "consented_at",
    "first_appointment_at",
    "completed_at",
)


def _day(value: datetime.datetime | None) -> str:
    return timezone.localtime(value).strftime("%d-%m-%Y") if value else ""


def export_requests(*, actor: Actor, requests: Any, progress: Progress | None = None) -> bytes:
    """`requests` comes from queries.visible_requests, so it holds only what the actor may see.

    Rows are plain values with the labels looked up once, streamed into the write-only workbook.
    """
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
    categories = {value: str(label) for value, label in Category.choices}
    statuses = {value: str(label) for value, label in RequestStatus.choices}
    ordered = requests.order_by("-created_at")
    total = ordered.count()

    def rows() -> Iterator[list[str]]:
        values = ordered.values_list(*COLUMNS).iterator(chunk_size=2000)
        for done, (number, title, category, provider, status, *moments) in enumerate(values, start=1):
            if progress is not None:
                progress(done, total)
            yield [number, title, categories[category], provider, statuses[status], *map(_day, moments)]

    content = write_xlsx(header, rows(), title="Interventies")
    record(InterventionEvent.INTERVENTIONS_EXPORTED, actor=actor)
    return content


def export_job(actor: Actor, params: dict[str, Any], _upload: bytes, progress: Progress) -> Result:
    from django.http import QueryDict

    from werkzorg.interventions import queries
    from werkzorg.interventions.filters import RequestFilter

    filters = RequestFilter(
        QueryDict(params.get("query", "")) or None, queryset=queries.visible_requests(actor)
    )
    content = export_requests(actor=actor, requests=filters.qs, progress=progress)
    return Result(filename=f"interventies-{timezone.localdate():%Y%m%d}.xlsx", content=content)
