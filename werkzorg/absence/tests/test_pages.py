"""The absence pages: a constant number of queries as files grow, and what each page says."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.utils import timezone
from django.utils.html import escape

from tests.personas import World
from tests.queries import assert_constant_queries
from werkzorg.absence.models import AbsenceFile, ConsultKind, PlanKind
from werkzorg.absence.offsets import Step
from werkzorg.absence.services import files, medical, steps
from werkzorg.absence.services.files import SickReport
from werkzorg.access import resolve_actor
from werkzorg.employees.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def report(world: World, days_back: int = 3):  # type: ignore[no-untyped-def]
    actor = resolve_actor(world.users["absence"], "acme")
    employee = EmployeeFactory(organisation=world.org)
    made, _ = files.report_sick(
        actor=actor,
        employee=employee,
        report=SickReport(timezone.localdate() - datetime.timedelta(days=days_back)),
    )
    return made


def test_lists_and_the_task_list_cost_the_same_queries_as_files_grow(world: World, client) -> None:  # type: ignore[no-untyped-def]
    first = report(world)
    client.force_login(world.users["absence"])

    def grow() -> None:
        actor = resolve_actor(world.users["absence"], "acme")
        for days in (1, 2, 4, 5, 6):
            made = report(world, days)
            steps.write_plan(actor=actor, file=made, kind=PlanKind.PLAN, goal="g", agreements="a",
                             case_manager_name="c")  # fmt: skip

    assert_constant_queries(
        client,
        [
            "/o/acme/verzuim/",
            "/o/acme/verzuim/taken/",
            "/o/acme/verzuim/?status=all",
            f"/o/acme/verzuim/{first.pk}/",
        ],
        grow,
    )


def test_a_file_page_costs_the_same_with_a_longer_history(world: World, client) -> None:  # type: ignore[no-untyped-def]
    made = report(world, 10)
    client.force_login(world.users["absence"])
    employer = resolve_actor(world.users["absence"], "acme")
    physician = resolve_actor(world.users["physician"], "acme")

    def grow() -> None:
        files.report_partial_recovery(
            actor=employer, file=made, effective_from=timezone.localdate(), percentage=50
        )
        for kind in (PlanKind.PLAN, PlanKind.EVALUATION):
            steps.write_plan(
                actor=employer, file=made, kind=kind, goal="g", agreements="a", case_manager_name="c"
            )
        for _ in range(2):
            medical.give_advice(
                actor=physician, file=made, can_do="a", cannot_do="b", expected_return="c", plan_advice=""
            )
        for days in (3, 4):
            medical.plan_consult(
                actor=physician, employee=made.employee, file=made, kind=ConsultKind.FOLLOW_UP,
                starts_at=timezone.now() + datetime.timedelta(days=days),
            )  # fmt: skip

    # The people the page names, so a column of theirs left out of the page's read would cost a statement.
    AbsenceFile.objects.filter(pk=made.pk).update(
        case_manager=world.users["absence"], practitioner=world.objects["practitioner"]
    )
    url = f"/o/acme/verzuim/{made.pk}/"
    # Session; user with standing; file with its people; periods; step records; the audit row; degrees;
    # plans; advices; consults; the frequent-absence count.
    assert assert_constant_queries(client, [url], grow) == {url: 11}
    page = client.get(url).content.decode()
    for shown in (
        made.employee.employee_number,
        world.users["absence"].get_full_name(),
        world.objects["practitioner"].name,
    ):  # type: ignore[union-attr, attr-defined]
        assert escape(shown) in page


def test_the_employer_reads_the_advice_and_never_the_note(world: World, client) -> None:  # type: ignore[no-untyped-def]
    made = report(world, 10)
    physician = resolve_actor(world.users["physician"], "acme")
    medical.write_medical_record(actor=physician, file=made, kind="note", body="Rugklachten na val")  # type: ignore[arg-type]
    medical.give_advice(actor=physician, file=made, can_do="Bureauwerk", cannot_do="Tillen boven 10 kg",
                        expected_return="Over vier weken", plan_advice="")  # fmt: skip
    client.force_login(world.users["absence"])
    page = client.get(f"/o/acme/verzuim/{made.pk}/").content.decode()
    assert "Tillen boven 10 kg" in page and "Rugklachten" not in page
    client.force_login(world.users["physician"])
    assert "Rugklachten" in client.get(f"/o/acme/verzuim/{made.pk}/medisch/").content.decode()


def test_the_report_form_says_what_is_wrong_in_dutch(world: World, client) -> None:  # type: ignore[no-untyped-def]
    employee = EmployeeFactory(organisation=world.org, employee_number="X-1")
    client.force_login(world.users["absence"])
    with mock.patch("django.utils.timezone.localdate", return_value=D(2026, 3, 16)):
        future = client.post(
            "/o/acme/verzuim/ziekmelden/", {"employee_number": "X-1", "first_sick_day": "2026-03-17"}
        )
        unknown = client.post(
            "/o/acme/verzuim/ziekmelden/", {"employee_number": "X-2", "first_sick_day": "2026-03-16"}
        )
    assert future.status_code == 200 and "toekomst" in future.content.decode()
    assert "Geen medewerker met dit nummer" in unknown.content.decode()
    assert not employee.absence_files.exists()


def test_the_task_list_shows_each_role_its_own_steps(world: World, client) -> None:  # type: ignore[no-untyped-def]
    made = report(world, 3)
    employer = resolve_actor(world.users["absence"], "acme")
    client.force_login(world.users["absence"])
    page = client.get("/o/acme/verzuim/taken/").content.decode()
    assert "Informatiegesprek door de casemanager" in page and "Probleemanalyse" not in page
    # A row: due date, step, owner, the employee linked to the file, the case manager (none yet).
    link = f'<a class="utrecht-link" href="/o/acme/verzuim/{made.pk}/">{made.employee.display_name}</a>'
    first_row = page.split('<tbody class="utrecht-table__body">')[1].split("</tr>")[0]
    cells = [cell.split(">", 1)[1].split("</td>")[0] for cell in first_row.split("<td ")[1:]]
    assert cells[1:] == ["Informatiegesprek door de casemanager", "casemanager", link, "–"]
    AbsenceFile.objects.filter(pk=made.pk).update(case_manager=world.users["absence"])
    manager = world.users["absence"].full_name
    assert (
        f'{link}</td><td class="utrecht-table__cell">{manager}</td>'
        in client.get("/o/acme/verzuim/taken/").content.decode()
    )
    client.force_login(world.users["physician"])
    page = client.get("/o/acme/verzuim/taken/").content.decode()
    assert "Probleemanalyse" in page and "Informatiegesprek" not in page
    steps.record_step(actor=employer, file=made, step=Step.INFORMATION_CALL, done_on=timezone.localdate())
    client.force_login(world.users["absence"])
    assert "Informatiegesprek" not in client.get("/o/acme/verzuim/taken/").content.decode()
    files.report_recovery(actor=employer, file=made, recovered_on=timezone.localdate())
    assert "Plan van aanpak" not in client.get("/o/acme/verzuim/taken/").content.decode()


def test_a_file_page_shows_each_part_in_its_order(world: World) -> None:
    """Degrees and consults by date, plans by kind, advices newest first, whatever order they were written."""
    from werkzorg.absence.models import DegreeChange, WorkAdvice
    from werkzorg.absence.queries import file_page

    made = report(world, 10)
    employer = resolve_actor(world.users["absence"], "acme")
    physician = resolve_actor(world.users["physician"], "acme")
    today = timezone.localdate()
    for percentage in (50, 30):
        files.report_partial_recovery(actor=employer, file=made, effective_from=today, percentage=percentage)
    # Written 100 % (the report), 50 %, 30 %; the 50 % is moved to tomorrow.
    written = list(DegreeChange.objects.filter(file=made).order_by("pk"))
    assert [d.percentage for d in written] == [100, 50, 30]
    DegreeChange.objects.filter(pk=written[1].pk).update(effective_from=today + datetime.timedelta(days=1))
    for kind in (PlanKind.PLAN, PlanKind.EVALUATION):
        steps.write_plan(
            actor=employer, file=made, kind=kind, goal="g", agreements="a", case_manager_name="c"
        )
    for can_do, day in (("A1", 3), ("A2", 5), ("A3", 4)):
        advice = medical.give_advice(
            actor=physician, file=made, can_do=can_do, cannot_do="b", expected_return="c", plan_advice=""
        )
        WorkAdvice.objects.filter(pk=advice.pk).update(given_on=D(2026, 11, day))
    for days in (4, 3):
        medical.plan_consult(
            actor=physician, employee=made.employee, file=made, kind=ConsultKind.FOLLOW_UP,
            starts_at=timezone.now() + datetime.timedelta(days=days),
        )  # fmt: skip

    page = file_page(employer, made.pk, today)
    assert [d.percentage for d in page["degrees"]] == [100, 30, 50]
    assert [p.kind for p in page["plans"]] == ["evaluation", "plan"]
    assert [a.can_do for a in page["advices"]] == ["A2", "A3", "A1"]
    starts = [c.starts_at for c in page["consults"]]
    assert starts == sorted(starts) and len(starts) == 2
    assert starts[0] - timezone.now() < datetime.timedelta(days=3, minutes=1)


def test_the_absence_menu_follows_the_rights_of_whoever_asks(world: World) -> None:
    """The menu is rendered once per organisation, rights and language: the physician, who may not
    report sick, never gets the superuser's menu."""
    from django.test import Client

    superuser, physician = Client(), Client()
    superuser.force_login(world.users["superuser"])
    physician.force_login(world.users["physician"])
    report_link = 'href="/o/acme/verzuim/ziekmelden/"'
    for _ in range(2):  # the second time from the memo
        assert report_link in superuser.get("/o/acme/verzuim/").content.decode()
        assert report_link not in physician.get("/o/acme/verzuim/").content.decode()
