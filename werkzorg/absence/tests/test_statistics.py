"""Absence figures against a fixture computed by hand.

Period: the first quarter of 2026, 1 January - 31 March = 31 + 28 + 31 = 90 days.

| who | part-time | employed in Q1 | sick in Q1 (degree)                                  | weighted sick days |
|-----|-----------|----------------|------------------------------------------------------|--------------------|
| A   | 1         | 90             | 10-19 Jan, 100 % (back 20 Jan)                       | 10                 |
| B   | 0.5       | 90 (45 weighted)| 20-31 Mar, 100 %, still sick                        | 12 x 0.5 = 6       |
| C   | 1         | 59 (from 1 Feb)| 1-10 Feb 100 %, 11-20 Feb 50 % (back 21 Feb)         | 10 + 5 = 15        |
| D   | 1         | 90             | 20 Dec 2025 - 4 Jan 2026 (back 5 Jan): 4 days in Q1  | 4                  |
| E   | 0.8       | 90 (72 weighted)| none                                                | 0                  |
| F   | 1         | 90             | 1-10 Mar, pregnancy related (back 11 Mar)            | (10)               |

Available days 90 + 45 + 59 + 90 + 72 + 90 = 446. Sick days without pregnancy 35: 35 / 446 = 7.85 %;
with pregnancy 45 / 446 = 10.09 %. New reports (pregnancy left out): A, B, C = 3. Average headcount
(90 + 90 + 59 + 90 + 90 + 90) / 90 = 509 / 90 = 5.66; frequency 3 / (509 / 90) x 365 / 90 = 2.15.
Reports ended in Q1 (pregnancy left out): A 10 days, C 20 days, D 16 days (20 Dec - 4 Jan): mean 15.3;
classes 1-14: 1, 15-91: 2. Zero absence: only E, 1 of 6 = 16.7 %.
Department "Bakkerij" (A-E, five people): available 356, sick 35: 9.83 %; "Winkel" (F alone) not shown.
January alone: available 31 + 15.5 + 0 + 31 + 24.8 + 31 = 133.3; sick A 10 + D 4 = 14: 10.50 %.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from tests.factories import UserFactory
from tests.personas import World
from werkzorg.absence import statistics
from werkzorg.absence.models import AbsenceFile, DegreeChange, SickPeriod
from werkzorg.absence.services.files import rebuild_spells
from werkzorg.access import resolve_actor
from werkzorg.employees.models import Employee
from werkzorg.employees.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
D = datetime.date
Q1 = (D(2026, 1, 1), D(2026, 3, 31))


def sick(employee, start, recovered, *, degrees=(), pregnancy=False):  # type: ignore[no-untyped-def]
    by = UserFactory()  # who reported it does not count in any figure
    file = AbsenceFile.objects.create(
        organisation=employee.organisation,
        employee=employee,
        first_sick_day=start,
        recovered_on=recovered,
        reported_by=by,
    )
    SickPeriod.objects.create(
        file=file,
        organisation=employee.organisation,
        employee=employee,
        start=start,
        recovered_on=recovered,
        pregnancy=pregnancy,
    )
    DegreeChange.objects.create(file=file, effective_from=start, percentage=100, recorded_by=by)
    for day, percentage in degrees:
        DegreeChange.objects.create(file=file, effective_from=day, percentage=percentage, recorded_by=by)
    rebuild_spells(file)


@pytest.fixture
def fixture_world(world: World):  # type: ignore[no-untyped-def]
    org = world.org
    start = D(2020, 1, 1)
    # The world's own employee left before the quarter: only the six below count.
    Employee.objects.filter(organisation=org).update(employment_end=D(2025, 12, 31))

    def person(ptf, department="Bakkerij", employed_from=start):  # type: ignore[no-untyped-def]
        return EmployeeFactory(
            organisation=org,
            part_time_factor=Decimal(ptf),
            department=department,
            employment_start=employed_from,
        )

    a, b, c, d, _e, f = (
        person("1"),
        person("0.5"),
        person("1", employed_from=D(2026, 2, 1)),
        person("1"),
        person("0.8"),
        person("1", department="Winkel"),
    )
    sick(a, D(2026, 1, 10), D(2026, 1, 20))
    sick(b, D(2026, 3, 20), None)
    sick(c, D(2026, 2, 1), D(2026, 2, 21), degrees=[(D(2026, 2, 11), 50)])
    sick(d, D(2025, 12, 20), D(2026, 1, 5))
    sick(f, D(2026, 3, 1), D(2026, 3, 11), pregnancy=True)
    # Someone of another employer, sick all quarter: never counted here.
    sick(EmployeeFactory(organisation=world.other_org), D(2026, 1, 1), None)
    return world


def test_the_figures_of_the_quarter(fixture_world: World) -> None:
    actor = resolve_actor(fixture_world.users["reports"], "acme")
    found = statistics.figures(actor, *Q1)
    assert found.headcount == 6
    assert found.absence_percentage == Decimal("7.85")
    assert found.absence_percentage_with_pregnancy == Decimal("10.09")
    assert found.reports == 3
    assert found.average_headcount == Decimal("5.66")
    assert found.frequency == Decimal("2.15")
    assert found.closed_reports == 3
    assert found.mean_duration == Decimal("15.3")
    assert found.classes == [("1-14", 1), ("15-91", 2), ("92-365", 0), ("366-730", 0)]
    assert found.zero_absence == Decimal("16.7")


def test_departments_under_five_people_are_not_shown(fixture_world: World) -> None:
    actor = resolve_actor(fixture_world.users["reports"], "acme")
    shown = statistics.departments(actor, *Q1)
    assert [name for name, _f in shown] == ["Bakkerij"]
    assert shown[0][1].absence_percentage == Decimal("9.83")


def test_the_monthly_chart_in_one_pass(fixture_world: World, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    actor = resolve_actor(fixture_world.users["reports"], "acme")
    months = [D(2026, 1, 1), D(2026, 2, 1), D(2026, 3, 1)]
    with django_assert_max_num_queries(3):
        values = statistics.monthly_percentages(actor, months, today=D(2026, 6, 30))
    assert values[0] == Decimal("10.50")


def test_a_small_employer_sees_no_figures(world: World) -> None:
    Employee.objects.filter(organisation=world.org).update(employment_end=D(2025, 12, 31))
    for _n in range(4):
        sick(
            EmployeeFactory(organisation=world.org, employment_start=D(2020, 1, 1)),
            D(2026, 1, 5),
            D(2026, 1, 7),
        )
    found = statistics.figures(resolve_actor(world.users["reports"], "acme"), *Q1)
    assert not found.shown and found.absence_percentage is None


MONTHS = [D(2026, 1, 1), D(2026, 2, 1), D(2026, 3, 1)]


def test_the_report_is_reused_until_a_sick_report_changes(
    fixture_world: World, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    actor = resolve_actor(fixture_world.users["reports"], "acme")
    first = statistics.report(actor, *Q1, MONTHS, D(2026, 6, 30))
    assert first.figures.absence_percentage == Decimal("7.85")
    with django_assert_num_queries(0):
        again = statistics.report(actor, *Q1, MONTHS, D(2026, 6, 30))
    assert again.computed_at == first.computed_at
    # E (part-time 0.8) falls sick 2-11 March, back on the 12th: 10 x 0.8 = 8 more weighted days,
    # 43 / 446 = 9.64 %; four reports; nobody without absence; Bakkerij 43 / 356 = 12.08 %.
    e = Employee.objects.get(organisation=fixture_world.org, part_time_factor=Decimal("0.8"))
    sick(e, D(2026, 3, 2), D(2026, 3, 12))
    changed = statistics.report(actor, *Q1, MONTHS, D(2026, 6, 30))
    assert changed.figures.absence_percentage == Decimal("9.64")
    assert changed.figures.reports == 4
    assert changed.figures.zero_absence == Decimal("0.0")
    assert changed.departments[0][1].absence_percentage == Decimal("12.08")


def test_another_employers_report_is_its_own(fixture_world: World) -> None:
    acme = resolve_actor(fixture_world.users["reports"], "acme")
    assert statistics.report(acme, *Q1, MONTHS, D(2026, 6, 30)).figures.headcount == 6
    globex = resolve_actor(fixture_world.users["other_superuser"], "globex")
    assert not statistics.report(globex, *Q1, MONTHS, D(2026, 6, 30)).figures.shown
