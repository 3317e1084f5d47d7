"""Steps, the plan signed by both, the employee's link, consults and the medical split, through the services."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tests.personas import World
from werkzorg.absence.models import (
    Consult,
    ConsultKind,
    ConsultStatus,
    InformationRequest,
    MedicalRecord,
    MedicalRecordKind,
    PlanKind,
    StepRecord,
)
from werkzorg.absence.offsets import State, Step
from werkzorg.absence.queries import timeline_of
from werkzorg.absence.services import files, medical, steps
from werkzorg.absence.services.files import SickReport
from werkzorg.access import desk_actor, resolve_actor, scope
from werkzorg.core.errors import ConflictError, DomainError, NotFound
from werkzorg.employees.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2026, 3, 16)


def on(day: datetime.date):  # type: ignore[no-untyped-def]
    return mock.patch("django.utils.timezone.localdate", return_value=day)


@pytest.fixture
def file(world: World):  # type: ignore[no-untyped-def]
    actor = resolve_actor(world.users["absence"], "acme")
    employee = EmployeeFactory(organisation=world.org, email="zieke.medewerker@example.nl")
    with on(TODAY):
        made, _ = files.report_sick(actor=actor, employee=employee, report=SickReport(D(2026, 3, 9)))
    return made


def test_the_plan_counts_as_done_when_both_have_signed_on_the_later_date(world, file):
    actor = resolve_actor(world.users["absence"], "acme")
    plan = steps.write_plan(actor=actor, file=file, kind=PlanKind.PLAN, goal="Terug", agreements="Opbouw",
                            case_manager_name="Fleur")  # fmt: skip
    with on(D(2026, 4, 20)):
        steps.sign_as_employer(actor=actor, plan=plan)
    assert not StepRecord.objects.filter(file=file, step=Step.PLAN_OF_ACTION).exists()
    with on(D(2026, 4, 21)):
        steps.send_employee_link(actor=actor, file=file)
    file.refresh_from_db()
    token = steps.employee_link(file).rstrip("/").rsplit("/", 1)[-1]
    with on(D(2026, 4, 22)):
        steps.sign_as_employee(token=token, plan_id=plan.pk)
    record = StepRecord.objects.get(file=file, step=Step.PLAN_OF_ACTION)
    assert record.done_on == D(2026, 4, 22)
    with pytest.raises(ConflictError):
        steps.sign_as_employee(token=token, plan_id=plan.pk)
    # The first evaluation is due six weeks after the plan was signed: 22 April + 42 = 3 June.
    evaluation = next(s for s in timeline_of(file, D(2026, 4, 22)) if s.step == Step.EVALUATION)
    assert (evaluation.due, evaluation.state) == (D(2026, 6, 3), State.OPEN)


def test_a_new_link_voids_the_old_one(world, file, mailoutbox, django_capture_on_commit_callbacks):
    actor = resolve_actor(world.users["absence"], "acme")
    with pytest.raises(DomainError):
        steps.resolve_link("nonsense")
    with django_capture_on_commit_callbacks(execute=True):
        first = steps.send_employee_link(actor=actor, file=file)
        second = steps.send_employee_link(actor=actor, file=file)
    old, new = (url.rstrip("/").rsplit("/", 1)[-1] for url in (first, second))
    with pytest.raises(steps.InvalidLink):
        steps.resolve_link(old)
    assert steps.resolve_link(new).pk == file.pk
    assert [m.to for m in mailoutbox] == [["zieke.medewerker@example.nl"]] * 2


def test_a_step_is_recorded_by_its_owner_only(world, file):
    employer = resolve_actor(world.users["absence"], "acme")
    physician = resolve_actor(world.users["physician"], "acme")
    with pytest.raises(DomainError):
        steps.record_step(actor=employer, file=file, step=Step.PROBLEM_ANALYSIS, done_on=TODAY)
    with pytest.raises(DomainError):
        steps.record_step(actor=physician, file=file, step=Step.INFORMATION_CALL, done_on=TODAY)
    with pytest.raises(DomainError):  # a milestone is nobody's task
        steps.record_step(actor=employer, file=file, step=Step.UWV_WIA_LETTER, done_on=TODAY)
    with on(TODAY):
        steps.record_step(actor=employer, file=file, step=Step.INFORMATION_CALL, done_on=D(2026, 3, 12))
        steps.record_step(
            actor=physician, file=file, step=Step.PROBLEM_ANALYSIS, not_applicable_reason="Kort verzuim"
        )
        with pytest.raises(DomainError):  # both or neither
            steps.record_step(actor=employer, file=file, step=Step.WEEK_42_REPORT)
        with pytest.raises(DomainError):  # before the first sick day
            steps.record_step(actor=employer, file=file, step=Step.WEEK_42_REPORT, done_on=D(2026, 3, 1))
    states = {s.step: s.state for s in timeline_of(file, TODAY)}
    assert states[Step.INFORMATION_CALL] == State.DONE
    assert states[Step.PROBLEM_ANALYSIS] == State.NOT_APPLICABLE


def test_a_consult_cancelled_late_or_missed_is_charged(world, file):
    physician = resolve_actor(world.users["physician"], "acme")
    employer = resolve_actor(world.users["absence"], "acme")
    now = timezone.now()
    soon = medical.plan_consult(actor=physician, employee=file.employee, file=file, kind=ConsultKind.FIRST,
                                starts_at=now + datetime.timedelta(hours=20))  # fmt: skip
    later = medical.plan_consult(actor=physician, employee=file.employee, file=file, kind=ConsultKind.FOLLOW_UP,
                                 starts_at=now + datetime.timedelta(days=14))  # fmt: skip
    assert medical.change_consult(actor=employer, consult=soon, status=ConsultStatus.CANCELLED).chargeable
    assert not medical.change_consult(
        actor=employer, consult=later, status=ConsultStatus.CANCELLED
    ).chargeable
    with pytest.raises(ConflictError):
        medical.change_consult(actor=physician, consult=later, status=ConsultStatus.HELD)
    with pytest.raises(DomainError):  # only a prevention consult goes without a sick report
        medical.plan_consult(actor=physician, employee=file.employee, file=None, kind=ConsultKind.FIRST,
                             starts_at=now + datetime.timedelta(days=3))  # fmt: skip
    missed = Consult.objects.create(
        organisation=file.organisation, employee=file.employee, file=file,
        practitioner=world.objects["practitioner"], kind=ConsultKind.TELEPHONE,
        starts_at=now - datetime.timedelta(hours=1), planned_by=world.users["physician"],
    )  # fmt: skip
    with pytest.raises(PermissionDenied):  # held or missed: the physician says so, not the employer
        medical.change_consult(actor=employer, consult=missed, status=ConsultStatus.NO_SHOW)
    assert medical.change_consult(actor=physician, consult=missed, status=ConsultStatus.NO_SHOW).chargeable


def test_medical_records_reach_the_physician_and_nobody_else(world, file):
    physician = resolve_actor(world.users["physician"], "acme")
    made = medical.write_medical_record(
        actor=physician, file=file, kind=MedicalRecordKind.PROBLEM_ANALYSIS, body="Geheime analyse"
    )
    assert "Geheime" not in made.body_encrypted  # encrypted at rest
    assert StepRecord.objects.get(file=file, step=Step.PROBLEM_ANALYSIS).done_on == timezone.localdate()
    assert list(scope(MedicalRecord, physician)) == [made]
    for persona in ("superuser", "absence", "reports", "insurance"):
        assert not scope(MedicalRecord, resolve_actor(world.users[persona], "acme")).exists(), persona
    assert not scope(MedicalRecord, desk_actor(world.users["desk"])).exists()  # staff and Django superuser
    with pytest.raises(PermissionDenied):
        medical.medical_records(actor=resolve_actor(world.users["superuser"], "acme"), file=file)


def test_information_from_a_treating_physician_needs_recorded_consent(world, file):
    physician = resolve_actor(world.users["physician"], "acme")
    with pytest.raises(DomainError) as refused:
        medical.request_information(actor=physician, file=file, addressed_to="Huisarts", question="Beloop?",
                                    consent_given_on=None, consent_scope="")  # fmt: skip
    assert refused.value.field == "consent_given_on"
    assert not InformationRequest.objects.exists()
    medical.request_information(actor=physician, file=file, addressed_to="Huisarts", question="Beloop?",
                                consent_given_on=timezone.localdate(), consent_scope="Beloop behandeling, huisarts")  # fmt: skip
    assert InformationRequest.objects.count() == 1


def test_only_the_physician_exports_the_medical_file(world, file):
    physician = resolve_actor(world.users["physician"], "acme")
    medical.write_medical_record(actor=physician, file=file, kind=MedicalRecordKind.NOTE, body="Notitie X")
    content = medical.export_medical_file(actor=physician, file=file).decode()
    assert "Notitie X" in content and file.employee.employee_number in content
    with pytest.raises(PermissionDenied):
        medical.export_medical_file(actor=resolve_actor(world.users["superuser"], "acme"), file=file)


def test_reminders_name_no_person(world, file, mailoutbox, django_capture_on_commit_callbacks):
    from werkzorg.absence.services.reminders import send_step_reminders

    employer = resolve_actor(world.users["absence"], "acme")
    files.update_file(actor=employer, file=file, changes={"case_manager": world.users["absence"]})
    # First sick day Monday 9 March: the information call is due on Thursday 19 March; three working
    # days before is Monday 16 March.
    with django_capture_on_commit_callbacks(execute=True):
        assert send_step_reminders(TODAY) == 1
    (message,) = mailoutbox
    assert message.to == ["absence@acme.nl"]
    assert file.employee.last_name not in message.body and file.employee.first_name not in message.body
    assert "19 maart 2026" in message.body or "19 March 2026" in message.body
    assert send_step_reminders(D(2026, 3, 17)) == 0


def test_a_practice_assistant_works_in_the_physicians_name_with_medical_access(world, file):
    from tests.factories import OrganisationFactory, UserFactory
    from werkzorg.organisations.models import PracticeAssistant

    assistant = UserFactory(email="poh@arbo.nl")
    outsider = UserFactory(email="poh-elders@arbo.nl")
    PracticeAssistant.objects.create(practitioner=world.objects["practitioner"], user=assistant)
    actor = resolve_actor(assistant, "acme")
    made = medical.write_medical_record(
        actor=actor, file=file, kind=MedicalRecordKind.NOTE, body="Door de POH"
    )
    assert made.practitioner == world.objects["practitioner"] and made.written_by == assistant
    assert list(scope(MedicalRecord, actor)) == [made]
    with pytest.raises(NotFound):  # not working for an authorised physician: no standing at all
        resolve_actor(outsider, "acme")
    OrganisationFactory(slug="initech")
    with pytest.raises(NotFound):  # an employer that did not authorise the physician
        resolve_actor(assistant, "initech")
