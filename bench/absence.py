"""Sickness absence at the size the absence issue names: 5,000 employees of the large employer with about
a million absence days (ten reports each over five years, some partial, 5 % still sick), and 100 of the
small employer, for query counts.

In process: the year's figures and the twelve-month chart against the same aggregates as plain SQL
(target 1.5x, as dashboards). Under gunicorn: the statistics page, the task list and a file page against
minimal signed-in pages fetching the same rows (the plain SQL aggregates for the statistics page)."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse

from bench.baselines import bare_page, organisation_id_of
from bench.measures import Page
from werkzorg.absence import statistics
from werkzorg.absence.models import (
    AbsenceFile,
    AbsenceSpell,
    Consult,
    DegreeChange,
    PendingStep,
    PlanDocument,
    SickPeriod,
    StepRecord,
    WorkAdvice,
)
from werkzorg.absence.services.files import refresh_pending
from werkzorg.absence.statistics import month_end
from werkzorg.access import resolve_actor
from werkzorg.core.bulk import insert_all
from werkzorg.employees.models import Employee
from werkzorg.organisations.models import Membership

DAY = datetime.timedelta(days=1)
TODAY = datetime.date(2026, 11, 30)
FIRST = datetime.date(2022, 1, 1)
YEAR = (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))


def load(superuser: Membership, people: int) -> int:
    """Returns the number of absence days loaded."""
    organisation = superuser.organisation
    rng = random.Random(12)
    employees = list(
        Employee.objects.filter(organisation=organisation)
        .order_by("pk")
        .values_list("pk", flat=True)[:people]
    )
    files, shapes = [], []
    for employee_id in employees:
        day = FIRST + rng.randrange(60) * DAY
        while day < TODAY - 30 * DAY:
            length = rng.choice([2, 3, 5, 8, 13, 21, 34, 55])
            still_sick = day + length * DAY >= TODAY or rng.random() < 0.004
            recovered = None if still_sick else day + length * DAY
            partial = day + (length // 2) * DAY if length >= 21 else None
            files.append(
                AbsenceFile(
                    organisation=organisation,
                    employee_id=employee_id,
                    first_sick_day=day,
                    recovered_on=recovered,
                    current_degree=0 if recovered else 100,
                    reported_by=superuser.user,
                )
            )
            shapes.append((employee_id, day, recovered, partial))
            if recovered is None:
                break
            day = recovered + rng.randrange(40, 300) * DAY
    made = AbsenceFile.objects.bulk_create(files, batch_size=5000)
    periods, degrees, spells, steps = [], [], [], []
    sick_days = 0
    for file, (employee_id, start, recovered, partial) in zip(made, shapes, strict=True):
        common = {"organisation_id": organisation.pk, "employee_id": employee_id}
        periods.append(SickPeriod(file=file, start=start, recovered_on=recovered, **common))
        degrees.append(
            DegreeChange(file=file, effective_from=start, percentage=100, recorded_by=superuser.user)
        )
        last = (recovered or TODAY) - DAY
        sick_days += (last - start).days + 1
        if partial:
            degrees.append(
                DegreeChange(file=file, effective_from=partial, percentage=50, recorded_by=superuser.user)
            )
            spells.append(AbsenceSpell(file=file, start=start, end=partial - DAY, degree=100, **common))
            spells.append(AbsenceSpell(file=file, start=partial, end=recovered and last, degree=50, **common))
        else:
            spells.append(AbsenceSpell(file=file, start=start, end=recovered and last, degree=100, **common))
        steps.append(StepRecord(file=file, step="report_to_ohs", done_on=start, recorded_by_label="bench"))
    for model, rows in (
        (SickPeriod, periods),
        (DegreeChange, degrees),
        (AbsenceSpell, spells),
        (StepRecord, steps),
    ):
        insert_all(model, rows)
    for file in AbsenceFile.objects.filter(organisation=organisation, recovered_on__isnull=True):
        refresh_pending(file)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return sick_days


# The same aggregates as statistics.figures(), written by hand (PostgreSQL); %(dept)s NULL for everyone.
FIGURES_SQL = """
WITH e AS (
  SELECT id, part_time_factor,
         LEAST(COALESCE(employment_end, %(last)s), %(last)s)
           - GREATEST(COALESCE(employment_start, %(first)s), %(first)s) + 1 AS days
  FROM employees_employee
  WHERE organisation_id = %(org)s AND (employment_start IS NULL OR employment_start <= %(last)s)
    AND (employment_end IS NULL OR employment_end >= %(first)s)
    AND (%(dept)s::text IS NULL OR department = %(dept)s::text)
)
SELECT
  (SELECT count(*) FROM e),
  (SELECT sum(days) FROM e),
  (SELECT sum(days * part_time_factor) FROM e),
  (SELECT count(*) FROM e WHERE NOT EXISTS (SELECT 1 FROM absence_absencespell s WHERE s.employee_id = e.id
      AND s.start <= %(last)s AND (s."end" IS NULL OR s."end" >= %(first)s))),
  (SELECT sum((LEAST(COALESCE(s."end", %(last)s), %(last)s) - GREATEST(s.start, %(first)s) + 1) * s.degree
      * x.part_time_factor / 100.0) FILTER (WHERE NOT s.pregnancy)
   FROM absence_absencespell s JOIN employees_employee x ON x.id = s.employee_id
   WHERE s.organisation_id = %(org)s AND s.start <= %(last)s AND (s."end" IS NULL OR s."end" >= %(first)s)
     AND (%(dept)s::text IS NULL OR x.department = %(dept)s::text))
"""
PERIODS_SQL = """
SELECT count(*) FILTER (WHERE p.start BETWEEN %(first)s AND %(last)s),
       count(*) FILTER (WHERE d BETWEEN 1 AND 730), sum(d),
       count(*) FILTER (WHERE d BETWEEN 1 AND 14), count(*) FILTER (WHERE d BETWEEN 15 AND 91),
       count(*) FILTER (WHERE d BETWEEN 92 AND 365), count(*) FILTER (WHERE d BETWEEN 366 AND 730)
FROM (SELECT start, CASE WHEN recovered_on > %(first)s AND recovered_on <= %(last)s + 1
                    THEN LEAST(recovered_on - start, 730) ELSE 0 END AS d
      FROM absence_sickperiod p JOIN employees_employee x ON x.id = p.employee_id
      WHERE p.organisation_id = %(org)s AND NOT p.pregnancy
        AND (%(dept)s::text IS NULL OR x.department = %(dept)s::text)) p
"""


def figures_sql(
    organisation_id: int, first: datetime.date, last: datetime.date, dept: str | None = None
) -> Any:
    params = {"org": organisation_id, "first": first, "last": last, "dept": dept}
    with connection.cursor() as cursor:
        cursor.execute(FIGURES_SQL, params)
        people = cursor.fetchone()
        cursor.execute(PERIODS_SQL, params)
        return people, cursor.fetchone()


GROUPED_SQL = (
    """
SELECT department, count(*),
  sum(LEAST(COALESCE(employment_end, %(last)s), %(last)s) - GREATEST(COALESCE(employment_start, %(first)s), %(first)s) + 1),
  sum((LEAST(COALESCE(employment_end, %(last)s), %(last)s)
       - GREATEST(COALESCE(employment_start, %(first)s), %(first)s) + 1) * part_time_factor),
  count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM absence_absencespell s WHERE s.employee_id = e.id
      AND s.start <= %(last)s AND (s."end" IS NULL OR s."end" >= %(first)s)))
FROM employees_employee e
WHERE organisation_id = %(org)s AND (employment_start IS NULL OR employment_start <= %(last)s)
  AND (employment_end IS NULL OR employment_end >= %(first)s)
GROUP BY department
""",
    """
SELECT x.department,
  sum((LEAST(COALESCE(s."end", %(last)s), %(last)s) - GREATEST(s.start, %(first)s) + 1) * s.degree
      * x.part_time_factor / 100.0),
  sum((LEAST(COALESCE(s."end", %(last)s), %(last)s) - GREATEST(s.start, %(first)s) + 1) * s.degree
      * x.part_time_factor / 100.0) FILTER (WHERE NOT s.pregnancy)
FROM absence_absencespell s JOIN employees_employee x ON x.id = s.employee_id
WHERE s.organisation_id = %(org)s AND s.start <= %(last)s AND (s."end" IS NULL OR s."end" >= %(first)s)
GROUP BY x.department
""",
    """
SELECT department, count(*) FILTER (WHERE start BETWEEN %(first)s AND %(last)s),
       count(*) FILTER (WHERE d BETWEEN 1 AND 730), sum(d),
       count(*) FILTER (WHERE d BETWEEN 1 AND 14), count(*) FILTER (WHERE d BETWEEN 15 AND 91),
       count(*) FILTER (WHERE d BETWEEN 92 AND 365), count(*) FILTER (WHERE d BETWEEN 366 AND 730)
FROM (SELECT x.department, p.start, CASE WHEN recovered_on > %(first)s AND recovered_on <= %(last)s + 1
                    THEN LEAST(recovered_on - p.start, 730) ELSE 0 END AS d
      FROM absence_sickperiod p JOIN employees_employee x ON x.id = p.employee_id
      WHERE p.organisation_id = %(org)s AND NOT p.pregnancy) p
GROUP BY department
""",
)


def year_with_departments_sql(organisation_id: int, first: datetime.date, last: datetime.date) -> list[Any]:
    """What the statistics page computes: the whole organisation, then every department in one pass each."""
    found = [figures_sql(organisation_id, first, last)]
    params = {"org": organisation_id, "first": first, "last": last}
    with connection.cursor() as cursor:
        for sql in GROUPED_SQL:
            cursor.execute(sql, params)
            found.append(cursor.fetchall())
    return found


def chart_sql(organisation_id: int, months: list[datetime.date]) -> Any:
    bounds = [(m, min(month_end(m), TODAY)) for m in months]
    available = ", ".join(
        f"sum(CASE WHEN (employment_start IS NULL OR employment_start <= '{b}') AND (employment_end IS NULL OR "
        f"employment_end >= '{a}') THEN (LEAST(COALESCE(employment_end, '{b}'), '{b}') - GREATEST("
        f"COALESCE(employment_start, '{a}'), '{a}') + 1) * part_time_factor ELSE 0 END)"
        for a, b in bounds
    )
    sick = ", ".join(
        f"sum(CASE WHEN s.start <= '{b}' AND (s.\"end\" IS NULL OR s.\"end\" >= '{a}') THEN (LEAST(COALESCE("
        f"s.\"end\", '{b}'), '{b}') - GREATEST(s.start, '{a}') + 1) * s.degree * x.part_time_factor / 100.0 "
        f"ELSE 0 END)"
        for a, b in bounds
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {available} FROM employees_employee WHERE organisation_id = %s", [organisation_id]
        )
        first = cursor.fetchone()
        cursor.execute(
            f"SELECT {sick} FROM absence_absencespell s JOIN employees_employee x ON x.id = s.employee_id "
            'WHERE s.organisation_id = %s AND NOT s.pregnancy AND s.start <= %s AND (s."end" IS NULL OR s."end" >= %s)',
            [organisation_id, bounds[-1][1], bounds[0][0]],
        )
        return first, cursor.fetchone()


def _months() -> list[datetime.date]:
    month, found = TODAY.replace(day=1), []
    for _n in range(12):
        found.append(month)
        month = (month - DAY).replace(day=1)
    return list(reversed(found))


def scenarios(superuser: Membership, compare: Callable[..., dict[str, Any]], rows: int) -> dict[str, Any]:
    if connection.vendor != "postgresql":
        return {}
    actor = resolve_actor(superuser.user, superuser.organisation.slug)
    organisation_id = superuser.organisation_id
    months = _months()
    return {
        "absence.statistics": lambda: compare(
            "absence.statistics",
            lambda: statistics.figures(actor, *YEAR),
            lambda: figures_sql(organisation_id, *YEAR),
            rows,
            repeat=5,
        ),
        "absence.chart": lambda: compare(
            "absence.chart",
            lambda: statistics.monthly_percentages(actor, months, today=TODAY),
            lambda: chart_sql(organisation_id, months),
            rows,
            repeat=5,
        ),
    }


def pages(superusers: dict[str, Membership]) -> list[Page]:
    slugs = list(superusers)
    long_file = {
        slug: AbsenceFile.objects.filter(
            organisation_id=superusers[slug].organisation_id, recovered_on__isnull=True
        )
        .order_by("first_sick_day")[0]
        .pk
        for slug in slugs
    }
    pages = [
        Page(
            "absence.tasks",
            {s: f"/o/{s}/verzuim/taken/" for s in slugs},
            "/bench/verzuim/taken/",
            lambda _: 1,
        ),
        Page(
            "absence.detail",
            {s: f"/o/{s}/verzuim/{long_file[s]}/" for s in slugs},
            f"/bench/verzuim/{long_file['bench']}/",
            lambda _: 1,
        ),
    ]
    if connection.vendor == "postgresql":
        pages.append(
            Page(
                "absence.statistics.page",
                {s: f"/o/{s}/verzuim/cijfers/?year=2025" for s in slugs},
                "/bench/verzuim/cijfers/",
                lambda _: 1,
            )
        )
    return pages


# Baselines: the same rows as the pages, bare.
def open_files(request: HttpRequest) -> HttpResponse:
    """The task list's rows: the steps to do of the open files, overdue and coming up, 50 each, and counts."""
    today = datetime.date.today()
    pending = PendingStep.objects.filter(
        organisation_id=organisation_id_of(request),
        owner__in=["case_manager", "employer", "employer_and_employee"],
    ).order_by("due", "id")
    row = ("step", "sequence", "due", "owner", "file__employee__first_name", "file__employee__last_name",
           "file__case_manager__full_name")  # fmt: skip
    overdue, upcoming = pending.filter(due__lt=today), pending.filter(due__gte=today)
    rows = [*overdue.values_list(*row)[:50], *upcoming.values_list(*row)[:50]]
    return bare_page(request, rows, overdue.count(), more=[upcoming.count()])


def file_detail(request: HttpRequest, file_id: int) -> HttpResponse:
    """What the file's page shows, bare: the file with its people, periods, degrees, step records, plans,
    advices, consults and the frequent-absence count (the page also computes the Poortwachter steps)."""
    organisation_id = organisation_id_of(request)
    file = AbsenceFile.objects.filter(organisation_id=organisation_id, pk=file_id).values_list(
        "pk",
        "employee_id",
        "employee__first_name",
        "employee__last_name",
        "employee__employee_number",
        "first_sick_day",
        "recovered_on",
        "current_degree",
        "expected_duration",
        "case_manager__full_name",
        "practitioner__name",
        "reachable_address",
        "reachable_phone",
        "remarks",
    )
    employee_id = file[0][1]
    today = datetime.date.today()
    more = [
        *SickPeriod.objects.filter(file_id=file_id).values_list("start", "recovered_on"),
        *DegreeChange.objects.filter(file_id=file_id).values_list("effective_from", "percentage"),
        *StepRecord.objects.filter(file_id=file_id).values_list("step", "sequence", "done_on"),
        *PlanDocument.objects.filter(file_id=file_id).values_list(
            "kind", "sequence", "goal", "agreements", "case_manager_name", "employer_signed_on"
        ),
        *WorkAdvice.objects.filter(file_id=file_id).values_list(
            "given_on", "practitioner__name", "can_do", "cannot_do", "expected_return"
        ),
        *Consult.objects.filter(organisation_id=organisation_id, file_id=file_id).values_list(
            "kind", "starts_at", "practitioner__name", "status"
        ),
        SickPeriod.objects.filter(
            employee_id=employee_id, start__gt=today - datetime.timedelta(days=365), start__lte=today
        ).count(),
    ]
    return bare_page(request, file, more=more)


def statistics_page(request: HttpRequest) -> HttpResponse:
    organisation_id = organisation_id_of(request)
    year = year_with_departments_sql(organisation_id, *YEAR)
    chart = chart_sql(organisation_id, _months())
    return bare_page(request, year, more=[chart])
