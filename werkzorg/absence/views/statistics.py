"""Absence figures for the reports role: a period, per department, a year of months, and Excel."""

from __future__ import annotations

import datetime
import io
from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook

from werkzorg.absence import statistics
from werkzorg.absence.forms import StatisticsForm
from werkzorg.access import Perm
from werkzorg.access.views import OrgRequest, org_view


def _period(request: OrgRequest) -> tuple[StatisticsForm, datetime.date, datetime.date]:
    today = timezone.localdate()
    form = StatisticsForm(request.GET or None, initial={"year": today.year, "quarter": 0})
    year, quarter = today.year, 0
    if form.is_valid():
        year, quarter = form.cleaned_data["year"], form.cleaned_data["quarter"] or 0
    first, last = statistics.period_bounds(year, quarter)
    return form, first, min(last, today) if first <= today else last


def _last_months(today: datetime.date, count: int = 12) -> list[datetime.date]:
    months = []
    month = today.replace(day=1)
    for _step in range(count):
        months.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return list(reversed(months))


@org_view(Perm.REPORTS)
def statistics_page(request: OrgRequest) -> HttpResponse:
    actor = request.actor
    form, first, last = _period(request)
    today = timezone.localdate()
    months = _last_months(today)
    found = statistics.report(actor, first, last, months, today)
    values = found.monthly
    statistics.audit_read(actor, first, last)
    context: dict[str, Any] = {
        "form": form,
        "first": first,
        "last": last,
        "figures": found.figures,
        "departments": found.departments,
        "computed_at": found.computed_at,
        "refresh_minutes": statistics.REPORT_CACHE_SECONDS // 60,
        "minimum_group": statistics.MINIMUM_GROUP,
        "chart": {
            "label": _("Absence percentage"),
            "months": [date_format(m, "M Y") for m in months],
            "values": [float(v) if v is not None else None for v in values],
        },
        "month_rows": list(zip(months, values, strict=True)),
    }
    return render(request, "absence/statistics.html", context)


@org_view(Perm.REPORTS)
def statistics_export(request: OrgRequest) -> HttpResponse:
    actor = request.actor
    _form, first, last = _period(request)
    today = timezone.localdate()
    computed = statistics.report(actor, first, last, _last_months(today), today)
    rows = [(_("Whole organisation"), computed.figures), *computed.departments]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Absence"))
    sheet.append([_("Period"), f"{first:%d-%m-%Y} - {last:%d-%m-%Y}"])
    sheet.append([
        _("Group"), _("Headcount"), _("Absence percentage"), _("Including pregnancy"), _("Reports"),
        _("Reporting frequency"), _("Mean duration (days)"), _("Zero absence (%)"),
    ])  # fmt: skip
    for name, found in rows:
        if not found.shown:
            continue
        sheet.append([
            name, found.headcount, found.absence_percentage, found.absence_percentage_with_pregnancy, found.reports,
            found.frequency, found.mean_duration, found.zero_absence,
        ])  # fmt: skip
    buffer = io.BytesIO()
    workbook.save(buffer)
    statistics.audit_export(actor, first, last)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="verzuimcijfers-{first:%Y%m%d}-{last:%Y%m%d}.xlsx"'
    )
    return response
