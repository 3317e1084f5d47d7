"""Sick reports, relapses, partial and full recovery through the services, with dates worked out by hand.

"Today" is fixed at Monday 16 March 2026 unless a test says otherwise.
"""

from __future__ import annotations

import datetime
from unittest import mock

import pytest

from tests.personas import World
from werkzorg.absence.models import AbsenceFile, AbsenceSpell, StepRecord
from werkzorg.absence.offsets import State, Step
from werkzorg.absence.queries import timeline_of
from werkzorg.absence.services import files
from werkzorg.absence.services.files import SickReport, frequent_absence, state_pension_date
from werkzorg.access import resolve_actor
from werkzorg.audit.models import AuditEvent
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.employees.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2026, 3, 16)


def on(day: datetime.date):  # type: ignore[no-untyped-def]
    return mock.patch("django.utils.timezone.localdate", return_value=day)


@pytest.fixture
def actor(world: World):  # type: ignore[no-untyped-def]
    return resolve_actor(world.users["absence"], "acme")


@pytest.fixture
def employee(world: World):  # type: ignore[no-untyped-def]
    return EmployeeFactory(organisation=world.org, date_of_birth=D(1980, 5, 1))


def due(file: AbsenceFile, step: Step, today: datetime.date = TODAY) -> tuple[datetime.date | None, State]:
    found = next(s for s in timeline_of(file, today) if s.step == step)
    return found.due, found.state


def test_it_opens_a_file_and_counts_the_report_as_made_to_the_occupational_health_service(actor, employee):
    with on(TODAY):
        file, relapse = files.report_sick(actor=actor, employee=employee, report=SickReport(D(2026, 3, 13)))
    assert not relapse and file.recovered_on is None and file.current_degree == 100
    assert StepRecord.objects.get(file=file, step=Step.REPORT_TO_OHS).done_on == TODAY
    assert due(file, Step.PROBLEM_ANALYSIS)[0] == D(2026, 4, 23)  # 13 March + 41 days
    event = AuditEvent.objects.get(event_type="absence_reported_sick")
    assert event.subject_id == str(employee.pk) and event.object_id == str(file.pk)


@pytest.mark.parametrize(
    ("first_day", "field"),
    [(D(2026, 3, 17), "first_sick_day"), (D(2026, 3, 1), "first_sick_day")],  # tomorrow; 15 days back
)
def test_it_refuses_a_first_sick_day_in_the_future_or_too_long_ago(actor, employee, first_day, field):
    with on(TODAY), pytest.raises(DomainError) as refused:
        files.report_sick(actor=actor, employee=employee, report=SickReport(first_day))
    assert refused.value.field == field
    assert not AbsenceFile.objects.filter(employee=employee).exists()


def test_it_accepts_fourteen_days_back(actor, employee):
    with on(TODAY):
        files.report_sick(actor=actor, employee=employee, report=SickReport(D(2026, 3, 2)))


def test_it_refuses_a_second_report_while_the_employee_is_sick(actor, employee):
    with on(TODAY):
        files.report_sick(actor=actor, employee=employee, report=SickReport(D(2026, 3, 10)))
        with pytest.raises(ConflictError):
            files.report_sick(actor=actor, employee=employee, report=SickReport(D(2026, 3, 12)))
    assert AbsenceFile.objects.filter(employee=employee).count() == 1


def test_a_relapse_within_four_weeks_continues_the_file_and_moves_the_dates_by_the_gap(actor, employee):
    with on(D(2026, 3, 2)):
        file, _ = files.report_sick(actor=actor, employee=employee, report=SickReport(D(2026, 3, 2)))
    with on(D(2026, 3, 16)):
        files.report_recovery(actor=actor, file=file, recovered_on=D(2026, 3, 16))  # sick 2-15 March
    with on(D(2026, 4, 6)):
        again, relapse = files.report_sick(actor=actor, employee=employee, report=SickReport(D(2026, 4, 6)))
    assert relapse and again.pk == file.pk and again.recovered_on is None
    again.refresh_from_db()
    # 14 sick days, then 21 fit days that do not count: week 6 ends on 3 May instead of 12 April.
    assert due(again, Step.PROBLEM_ANALYSIS, D(2026, 4, 6)) == (D(2026, 5, 3), State.OPEN)
    assert due(again, Step.WAGE_CONTINUATION_END, D(2026, 4, 6))[0] == D(2028, 3, 19)
    assert AuditEvent.objects.filter(event_type="absence_relapse").count() == 1


def test_a_report_four_weeks_after_recovery_opens_a_new_file(actor, employee):
    with on(D(2026, 3, 2)):
        file, _ = files.report_sick(actor=actor, employee=employee, report=SickReport(D(2026, 3, 2)))
    with on(D(2026, 3, 16)):
        files.report_recovery(actor=actor, file=file, recovered_on=D(2026, 3, 16))
    with on(D(2026, 4, 13)):  # 28 fit days: 16 March up to and including 12 April
        new, relapse = files.report_sick(actor=actor, employee=employee, report=SickReport(D(2026, 4, 13)))
    assert not relapse and new.pk != file.pk


def test_a_partial_recovery_keeps_every_due_date(actor, employee):
    with on(D(2026, 3, 2)):
        file, _ = files.report_sick(actor=actor, employee=employee, report=SickReport(D(2026, 3, 2)))
    before = [(s.step, s.due) for s in timeline_of(file, TODAY)]
    with on(TODAY):
        files.report_partial_recovery(actor=actor, file=file, effective_from=D(2026, 3, 9), percentage=50)
    file.refresh_from_db()
    assert file.current_degree == 50
    assert [(s.step, s.due) for s in timeline_of(file, TODAY)] == before
    # 2-8 March at 100 %, from 9 March at 50 %, still open.
    spells = sorted(AbsenceSpell.objects.filter(file=file).values_list("start", "end", "degree"))
    assert spells == [(D(2026, 3, 2), D(2026, 3, 8), 100), (D(2026, 3, 9), None, 50)]


def test_a_recovery_must_come_after_the_last_partial_recovery(actor, employee):
    with on(D(2026, 3, 2)):
        file, _ = files.report_sick(actor=actor, employee=employee, report=SickReport(D(2026, 3, 2)))
    with on(TODAY):
        files.report_partial_recovery(actor=actor, file=file, effective_from=D(2026, 3, 9), percentage=50)
        with pytest.raises(DomainError) as refused:
            files.report_recovery(actor=actor, file=file, recovered_on=D(2026, 3, 9))
        assert refused.value.field == "recovered_on"
        files.report_recovery(actor=actor, file=file, recovered_on=D(2026, 3, 12))
    spells = sorted(AbsenceSpell.objects.filter(file=file).values_list("start", "end", "degree"))
    assert spells == [(D(2026, 3, 2), D(2026, 3, 8), 100), (D(2026, 3, 9), D(2026, 3, 11), 50)]
    assert due(file, Step.PROBLEM_ANALYSIS)[1] == State.NOT_REACHED


def test_an_employment_ending_during_sickness_asks_for_the_uwv_report_on_the_last_working_day(
    actor, employee
):
    with on(D(2026, 3, 2)):
        file, _ = files.report_sick(actor=actor, employee=employee, report=SickReport(D(2026, 3, 2)))
        files.update_file(actor=actor, file=file, changes={"employment_end": D(2026, 5, 30)})
    file.refresh_from_db()
    assert due(file, Step.EMPLOYMENT_END_REPORT) == (D(2026, 5, 29), State.OPEN)  # Saturday -> Friday
    assert due(file, Step.WEEK_42_REPORT)[1] == State.NOT_APPLICABLE


def test_it_knows_the_state_pension_age(actor, world):
    assert state_pension_date(D(1959, 3, 10)) == D(2026, 3, 10)  # 67 years
    assert state_pension_date(D(1961, 1, 31)) == D(2028, 4, 30)  # 67 years and 3 months from 2028
    old = EmployeeFactory(organisation=world.org, date_of_birth=D(1959, 3, 10))
    with on(TODAY):
        file, _ = files.report_sick(actor=actor, employee=old, report=SickReport(D(2026, 3, 12)))
    assert file.state_pension_age
    assert due(file, Step.WAGE_CONTINUATION_END)[0] == D(2026, 4, 22)  # 6 weeks: 12 March + 41 days


def test_it_signals_frequent_absence_at_three_reports_in_twelve_months(actor, employee):
    for first, back in ((D(2025, 4, 1), D(2025, 4, 3)), (D(2025, 9, 1), D(2025, 9, 3))):
        with on(first):
            file, _ = files.report_sick(actor=actor, employee=employee, report=SickReport(first))
        with on(back):
            files.report_recovery(actor=actor, file=file, recovered_on=back)
    assert frequent_absence(employee, TODAY) is None
    with on(TODAY):
        files.report_sick(actor=actor, employee=employee, report=SickReport(TODAY))
    assert frequent_absence(employee, TODAY) == 3
    assert frequent_absence(employee, D(2026, 4, 2)) is None  # 1 April 2025 is more than 12 months back


def test_only_a_member_with_the_absence_role_can_be_case_manager(actor, employee, world):
    with on(TODAY):
        file, _ = files.report_sick(actor=actor, employee=employee, report=SickReport(TODAY))
        with pytest.raises(DomainError) as refused:
            files.update_file(actor=actor, file=file, changes={"case_manager": world.users["insurance"]})
        assert refused.value.field == "case_manager"
        files.update_file(actor=actor, file=file, changes={"case_manager": world.users["absence"]})


def test_recovery_of_costs_needs_a_liable_third_party(actor, employee):
    with on(TODAY):
        file, _ = files.report_sick(actor=actor, employee=employee, report=SickReport(TODAY))
        with pytest.raises(DomainError):
            files.update_file(actor=actor, file=file, changes={"recovery_consent_on": TODAY})
        files.update_file(
            actor=actor, file=file, changes={"third_party_liable": True, "recovery_consent_on": TODAY}
        )


def test_an_employment_ended_in_the_register_counts_for_the_file(actor, employee, world):
    from werkzorg.absence.models import PendingStep
    from werkzorg.employees.services import end_employment

    with on(D(2026, 3, 2)):
        file, _ = files.report_sick(actor=actor, employee=employee, report=SickReport(D(2026, 3, 2)))
    assert not PendingStep.objects.filter(file=file, step=Step.EMPLOYMENT_END_REPORT).exists()
    end_employment(
        actor=resolve_actor(world.users["superuser"], "acme"), employee=employee, last_day=D(2026, 5, 30)
    )
    file = AbsenceFile.objects.select_related("employee").get(pk=file.pk)
    assert due(file, Step.EMPLOYMENT_END_REPORT) == (D(2026, 5, 29), State.OPEN)
    assert files.refresh_ended_employments() == 1
    assert PendingStep.objects.get(file=file, step=Step.EMPLOYMENT_END_REPORT).due == D(2026, 5, 29)
    assert not PendingStep.objects.filter(file=file, step=Step.WEEK_42_REPORT).exists()
