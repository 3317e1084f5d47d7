"""Absence figures, computed in the database (a few aggregate statements per page, none per person).

Definitions after the national standard for absence figures (Nationale Verzuimstandaard, 1996, as CBS
and Vernet apply it):
- absence percentage: sick calendar days in the period, each weighted by the employee's part-time factor
  and the degree of absence, divided by the available calendar days (days employed in the period times
  the part-time factor), times 100. Sick days of pregnancy-related reports are left out; the figure with
  them is shown beside it.
- reporting frequency: new sick reports in the period (a relapse is a new report) per average headcount,
  annualised (times 365 / days in the period).
- mean duration: over reports that ended in the period, calendar days from the first to the last sick day
  inclusive, each capped at 730.
- duration classes of those reports: 1-14, 15-91, 92-365 and 366-730 days (Vernet's classes).
- zero absence: the share of the employees employed in the period without a sick day in it.
Groups under MINIMUM_GROUP people are not shown, so no figure points at one person.

The page and its Excel file read `report()`: the figures of a period kept in the cache for a while, so
several people opening the figures do not each run the aggregates over a million sick days (under 16
concurrent readers that took seconds a page). Any change to sick reports bumps the organisation's figures
version at once (`forget_figures`, from the one place spells are rebuilt); changes to the employee register
(part-time factors, departments, hires) show within REPORT_CACHE_SECONDS, and the page says when its
figures were computed.
"""

from __future__ import annotations

import datetime
import hashlib
import time
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import (
    Case,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest, Least
from django.utils import timezone

from werkzorg.absence.models import AbsenceEvent, AbsenceSpell, SickPeriod
from werkzorg.access import Actor, Perm, require, scope
from werkzorg.audit.services import record
from werkzorg.employees.models import Employee

MINIMUM_GROUP = 5
MAX_DURATION = 730
DURATION_CLASSES = ((1, 14), (15, 91), (92, 365), (366, 730))
REPORT_CACHE_SECONDS = 15 * 60
DAY = datetime.timedelta(days=1)
WEIGHT: Any = DecimalField(max_digits=20, decimal_places=6)


class DaysBetween(Func):
    """Whole days from the first date to the second (b - a), the same on PostgreSQL and SQLite."""

    output_field = IntegerField()
    arity = 2

    def __init__(self, start: Any, end: Any) -> None:
        super().__init__(end, start)  # rendered as "end - start"

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> Any:  # type: ignore[override]
        return super().as_sql(compiler, connection, template="(%(expressions)s)", arg_joiner=" - ", **extra)

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        template = "CAST(julianday(%(expressions)s) AS INTEGER)"
        return super().as_sql(compiler, connection, template=template, arg_joiner=") - julianday(", **extra)


def _overlap_days(start: str, end: str, first: datetime.date, last: datetime.date) -> Any:
    """Days of [start, end] (end empty: open) inside [first, last], inclusive; callers keep only overlaps."""
    return (
        DaysBetween(Greatest(F(start), Value(first)), Least(Coalesce(F(end), Value(last)), Value(last))) + 1
    )


def _weighted(expression: Any) -> Any:
    """Days times degree and part-time factor: a decimal, computed as written (no casts on every row)."""
    return ExpressionWrapper(expression, output_field=WEIGHT)


def _employed_in(first: datetime.date, last: datetime.date) -> Q:
    return (Q(employment_start__isnull=True) | Q(employment_start__lte=last)) & (
        Q(employment_end__isnull=True) | Q(employment_end__gte=first)
    )


def _spells_in(first: datetime.date, last: datetime.date) -> Q:
    return Q(start__lte=last) & (Q(end__isnull=True) | Q(end__gte=first))


def _round(value: Decimal | float | None, places: str = "0.01") -> Decimal | None:
    return None if value is None else Decimal(value).quantize(Decimal(places), rounding=ROUND_HALF_UP)


@dataclass
class Figures:
    headcount: int
    average_headcount: Decimal | None = None
    absence_percentage: Decimal | None = None
    absence_percentage_with_pregnancy: Decimal | None = None
    reports: int = 0
    frequency: Decimal | None = None
    closed_reports: int = 0
    mean_duration: Decimal | None = None
    classes: list[tuple[str, int]] = field(default_factory=list)
    zero_absence: Decimal | None = None

    @property
    def shown(self) -> bool:
        return self.headcount >= MINIMUM_GROUP


def figures(actor: Actor, first: datetime.date, last: datetime.date) -> Figures:
    """The figures of one period for the whole organisation: three aggregate statements, whatever the data."""
    require(actor, Perm.REPORTS)
    return _computed(actor, first, last, by_department=False).get(None) or Figures(headcount=0)


def departments(actor: Actor, first: datetime.date, last: datetime.date) -> list[tuple[str, Figures]]:
    """Figures per department, all departments in the same three statements (grouped); departments
    under the minimum group size are left out."""
    require(actor, Perm.REPORTS)
    found = _computed(actor, first, last, by_department=True)
    return sorted(
        ((str(name), f) for name, f in found.items() if name and f.shown), key=lambda pair: pair[0]
    )[:30]


def _grouped(queryset: Any, key: str | None, **aggregates: Any) -> dict[str | None, dict[str, Any]]:
    """One statement: the aggregates for everyone (key None) or per value of `key` (GROUP BY)."""
    if key is None:
        return {None: queryset.aggregate(**aggregates)}
    rows = queryset.order_by().values(key).annotate(**aggregates)
    return {row.pop(key): row for row in rows}


def _computed(
    actor: Actor, first: datetime.date, last: datetime.date, *, by_department: bool
) -> dict[str | None, Figures]:
    days = (last - first).days + 1
    employees = scope(Employee, actor, aggregate=True).filter(_employed_in(first, last))
    ptf = F("part_time_factor")
    with_sick = Exists(AbsenceSpell.objects.filter(employee=OuterRef("pk")).filter(_spells_in(first, last)))
    people = _grouped(
        employees,
        "department" if by_department else None,
        headcount=Count("pk"),
        employed_days=Sum(_overlap_days("employment_start", "employment_end", first, last)),
        available=Sum(_weighted(_overlap_days("employment_start", "employment_end", first, last) * ptf)),
        without_sick=Count("pk", filter=~Q(with_sick)),
    )
    if not any(row["headcount"] >= MINIMUM_GROUP for row in people.values()):
        return {key: Figures(headcount=row["headcount"] or 0) for key, row in people.items()}
    spells = scope(AbsenceSpell, actor, aggregate=True).filter(_spells_in(first, last))
    weighted = _weighted(
        _overlap_days("start", "end", first, last) * F("degree") * F("employee__part_time_factor") / 100
    )
    sick = _grouped(
        spells,
        "employee__department" if by_department else None,
        all=Sum(weighted, output_field=WEIGHT),
        without_pregnancy=Sum(weighted, filter=Q(pregnancy=False), output_field=WEIGHT),
    )
    periods = scope(SickPeriod, actor, aggregate=True).filter(pregnancy=False)
    counts = _period_counts(periods, first, last, "employee__department" if by_department else None)
    return {key: _assemble(row, sick.get(key, {}), counts.get(key, {}), days) for key, row in people.items()}


def _assemble(people: dict[str, Any], sick: dict[str, Any], counts: dict[str, Any], days: int) -> Figures:
    result = Figures(headcount=people["headcount"] or 0)
    if not result.shown:
        return result
    available = people["available"] or Decimal(0)
    average = Decimal(people["employed_days"] or 0) / days
    result.average_headcount = _round(average)
    if available:
        result.absence_percentage = _round(Decimal(sick.get("without_pregnancy") or 0) / available * 100)
        result.absence_percentage_with_pregnancy = _round(Decimal(sick.get("all") or 0) / available * 100)
    result.reports = counts.get("reports", 0)
    if average:
        result.frequency = _round(Decimal(result.reports) / average * Decimal(365) / days)
    result.closed_reports = counts.get("closed", 0)
    if result.closed_reports:
        result.mean_duration = _round(Decimal(counts["total_duration"]) / result.closed_reports, "0.1")
    result.classes = [(f"{low}-{high}", counts.get(f"class_{low}", 0)) for low, high in DURATION_CLASSES]
    result.zero_absence = _round(Decimal(people["without_sick"]) / result.headcount * 100, "0.1")
    return result


def _period_counts(
    periods: Any, first: datetime.date, last: datetime.date, key: str | None
) -> dict[str | None, dict[str, Any]]:
    duration = Least(DaysBetween(F("start"), F("recovered_on")), Value(MAX_DURATION))
    closed = Q(recovered_on__gt=first, recovered_on__lte=last + DAY)
    annotated = periods.annotate(duration_days=Case(When(closed, then=duration), default=Value(0)))
    return _grouped(
        annotated,
        key,
        reports=Count("pk", filter=Q(start__gte=first, start__lte=last)),
        closed=Count("pk", filter=closed),
        total_duration=Coalesce(Sum("duration_days"), 0),
        **{
            f"class_{low}": Count("pk", filter=closed & Q(duration_days__gte=low, duration_days__lte=high))
            for low, high in DURATION_CLASSES
        },
    )


def monthly_percentages(
    actor: Actor, months: list[datetime.date], today: datetime.date | None = None
) -> list[Decimal | None]:
    """The absence percentage of each month (first days given), the current month up to today: two
    statements for the whole chart."""
    require(actor, Perm.REPORTS)
    today = today or timezone.localdate()
    bounds = [(m, min(month_end(m), today)) for m in months]
    employees = scope(Employee, actor, aggregate=True)
    available = employees.aggregate(
        **{
            f"m{i}": Sum(
                _weighted(_overlap_days("employment_start", "employment_end", a, b) * F("part_time_factor")),
                filter=_employed_in(a, b),
            )
            for i, (a, b) in enumerate(bounds)
        }
    )
    spells = scope(AbsenceSpell, actor, aggregate=True).filter(pregnancy=False)
    if bounds:
        spells = spells.filter(_spells_in(bounds[0][0], bounds[-1][1]))
    sick = spells.aggregate(
        **{
            f"m{i}": Sum(
                _weighted(
                    _overlap_days("start", "end", a, b) * F("degree") * F("employee__part_time_factor") / 100
                ),
                filter=_spells_in(a, b),
            )
            for i, (a, b) in enumerate(bounds)
        }
    )
    headcount = employees.filter(_employed_in(months[0], bounds[-1][1])).count() if months else 0
    if headcount < MINIMUM_GROUP:
        return [None for _m in months]
    return [
        _round(Decimal(sick[f"m{i}"] or 0) / available[f"m{i}"] * 100) if available[f"m{i}"] else None
        for i in range(len(months))
    ]


@dataclass
class Report:
    figures: Figures
    departments: list[tuple[str, Figures]]
    monthly: list[Decimal | None]
    computed_at: datetime.datetime


def report(
    actor: Actor, first: datetime.date, last: datetime.date, months: list[datetime.date], today: datetime.date
) -> Report:
    """The period's figures, its departments and the months' percentages, from the cache when the same
    figures were computed lately for the same scope and nothing in the organisation's sick reports changed."""
    require(actor, Perm.REPORTS)
    organisation_id = actor.organisation.pk if actor.organisation else 0
    version = cache.get_or_set(_version_key(organisation_id), time.time_ns, None)
    # The scope's SQL is part of the key, so a member limited to some collectivities never gets figures
    # computed for a wider scope.
    scoped = "|".join(
        str(scope(model, actor, aggregate=True).query) for model in (Employee, AbsenceSpell, SickPeriod)
    )
    digest = hashlib.sha256(f"{scoped}|{first}|{last}|{months}|{today}".encode()).hexdigest()
    key = f"werkzorg:absence:report:{organisation_id}:{version}:{digest}"
    found = cache.get(key)
    if isinstance(found, Report):
        return found
    computed = Report(
        figures=figures(actor, first, last),
        departments=departments(actor, first, last),
        monthly=monthly_percentages(actor, months, today),
        computed_at=timezone.now(),
    )
    cache.set(key, computed, REPORT_CACHE_SECONDS)
    return computed


def forget_figures(organisation_id: int) -> None:
    """Sick reports changed: the organisation's cached figures are not used again (now and after commit,
    since a page read in between may have cached the old state)."""
    key = _version_key(organisation_id)
    cache.set(key, time.time_ns(), None)
    transaction.on_commit(lambda: cache.set(key, time.time_ns(), None))


def _version_key(organisation_id: int) -> str:
    return f"werkzorg:absence:figures-version:{organisation_id}"


def month_end(first: datetime.date) -> datetime.date:
    following = first.replace(year=first.year + first.month // 12, month=first.month % 12 + 1)
    return following - DAY


def period_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    if not quarter:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    first = datetime.date(year, 3 * quarter - 2, 1)
    return first, month_end(first.replace(month=3 * quarter))


def audit_read(actor: Actor, first: datetime.date, last: datetime.date) -> None:
    record(AbsenceEvent.STATISTICS_READ, actor=actor, detail=f"{first}..{last}")


def audit_export(actor: Actor, first: datetime.date, last: datetime.date) -> None:
    record(AbsenceEvent.EXPORTED, actor=actor, detail=f"statistics {first}..{last}")
