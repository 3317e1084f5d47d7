"""Reads of the intervention workflow: lists, the dashboard figures, the catalogue."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any, ClassVar

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import dateformat, timezone

from werkzorg.access import Actor, Perm, require, scope
from werkzorg.core.ordering import sorted_rows
from werkzorg.interventions.models import (
    Category,
    Intervention,
    InterventionRequest,
    RequestStatus,
    RequestWords,
    SurveyResponse,
)

# Survey averages are shown only over at least this many answers, so no score points at one employee.
MIN_SURVEY_GROUP = 3


# What a request's list row and page show beside it.
REQUEST_RELATIONS = ("intervention", "provider", "collectivity", "requested_by")


def visible_requests(actor: Actor) -> QuerySet[InterventionRequest]:
    """The main account holder sees all the organisation's requests, a requester (or physician) their own."""
    require(actor, Perm.VIEW_INTERVENTIONS)
    return scope(InterventionRequest, actor).select_related(*REQUEST_RELATIONS)


@dataclass(frozen=True, slots=True)
class RequestRow(RequestWords):
    """A row of the request list as plain values: a page of rows made of three model instances each
    (request, intervention, provider) cost more than reading them (measured)."""

    pk: int
    number: str
    intervention_title: str
    provider_name: str
    status: str
    created_at: datetime.datetime
    # The values read for a row, in the order of the fields above.
    columns: ClassVar[tuple[str, ...]] = (
        "pk",
        "number",
        "intervention__title",
        "provider__name",
        "status",
        "created_at",
    )


def provider_requests(actor: Actor) -> QuerySet[InterventionRequest]:
    """A care provider's requests: only those forwarded to it after consent."""
    require(actor, Perm.PROVIDER_WORK)
    return scope(InterventionRequest, actor)


def request_parts(request: InterventionRequest) -> dict[str, Any]:
    """What the request's page shows beside the request: its appointments and extensions, and the timeline
    of its steps and extension decisions, each in the order it happened (a handful of each)."""
    appointments = sorted_rows(request.appointments.all(), key=lambda a: (a.starts_at, a.pk))
    extensions = sorted_rows(request.extensions.all(), key=lambda x: (x.requested_at, x.pk))
    entries: list[tuple[datetime.datetime, Any]] = [(e.at, e) for e in request.events.order_by()]
    entries += [(x.decided_at, x) for x in extensions if x.decided_at is not None]
    entries.sort(key=lambda entry: (entry[0], entry[1].pk))
    return {"appointments": appointments, "extensions": extensions, "timeline_entries": entries}


def active_catalogue() -> QuerySet[Intervention]:
    return (
        Intervention.objects.filter(is_active=True)
        .prefetch_related("regions", "providers")
        .order_by("title", "pk")
    )


def dashboard(actor: Actor, months: int = 12) -> dict[str, Any]:
    """All figures of the dashboard in a fixed number of queries, whatever the number of requests.

    Figures over the whole organisation, never a single row, so the owner rule does not narrow them.
    """
    require(actor, Perm.VIEW_DASHBOARD)
    requests = scope(InterventionRequest, actor, aggregate=True)
    since = (timezone.now() - datetime.timedelta(days=31 * months)).replace(
        day=1, hour=0, minute=0, second=0, microsecond=0
    )
    per_month = (
        requests.filter(created_at__gte=since)
        .annotate(month=TruncMonth("created_at"))
        .values("month", "category")
        .annotate(n=Count("id"))
        .order_by("month")
    )
    months_seen: list[str] = []
    series: dict[str, dict[str, int]] = {c: {} for c in Category.values}
    for row in per_month:
        label = dateformat.format(row["month"], "N Y")  # "nov. 2026" in Dutch, "Nov. 2026" in English
        if label not in months_seen:
            months_seen.append(label)
        series[row["category"]][label] = row["n"]
    # One pass for the status tiles and the lead times (conditional aggregates), one for the months chart,
    # one for the survey scores: three statements whatever the number of requests.
    lead = requests.aggregate(
        **{f"status_{s}": Count("id", filter=Q(status=s)) for s in RequestStatus.values},
        to_consent=Avg(ExpressionWrapper(F("consented_at") - F("created_at"), output_field=DurationField())),
        to_first_appointment=Avg(
            ExpressionWrapper(F("first_appointment_at") - F("consented_at"), output_field=DurationField())
        ),
    )
    surveys = scope(SurveyResponse, actor, aggregate=True).aggregate(
        n=Count("id"), offer=Avg("score_offer"), speed=Avg("score_speed")
    )
    show_scores = (surveys["n"] or 0) >= MIN_SURVEY_GROUP
    by_status = {s: lead[f"status_{s}"] for s in RequestStatus.values}
    return {
        "total": sum(by_status.values()),
        "by_status": [(s, RequestStatus(s).label, by_status.get(s, 0)) for s in RequestStatus.values],
        "months": months_seen,
        "per_category": [
            (c, Category(c).label, [series[c].get(m, 0) for m in months_seen]) for c in Category.values
        ],
        "lead_to_consent_days": _days(lead["to_consent"]),
        "lead_to_appointment_days": _days(lead["to_first_appointment"]),
        "survey_count": surveys["n"] or 0,
        "survey_offer": round(surveys["offer"], 1) if show_scores and surveys["offer"] is not None else None,
        "survey_speed": round(surveys["speed"], 1) if show_scores and surveys["speed"] is not None else None,
        "min_survey_group": MIN_SURVEY_GROUP,
    }


def _days(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, datetime.timedelta):
        return round(value.total_seconds() / 86400, 1)
    return round(float(value) / 86_400_000_000, 1)  # SQLite hands back microseconds
