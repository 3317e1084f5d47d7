"""Downloads, payroll files and the reconciliation overviews of statements."""

from __future__ import annotations

import datetime
import io
import itertools
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from tests.personas import World
from werkzorg.access import resolve_actor
from werkzorg.core.errors import DomainError
from werkzorg.insurance import services
from werkzorg.insurance.services.statements import issue_statement
from werkzorg.insurance.tests.factories import contract, insured

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def statement(world: World):  # type: ignore[no-untyped-def]
    made = contract(world.org, prices={"BASIS": ("120.00", "20.00")})
    insured(made, employee_number="1001", last_name="Jansen")
    formula = insured(made, employee_number="1002")
    formula.first_name = "=SUM(A1)"  # a name a spreadsheet would run as a formula
    formula.save()
    return issue_statement(actor=None, contract=made, month=D(2026, 1, 1))


def test_the_payroll_file_has_a_row_per_policyholder_in_each_format(world: World, client, statement) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users["insurance"])
    url = f"/o/acme/borderellen/{statement.pk}/salarisbestand/"
    generic = client.post(url, {"profile": "generic", "columns": ["employee_number", "name", "withheld"]})
    text = generic.content.decode("utf-8-sig").splitlines()
    assert text[0] == "werknemersnummer;naam;inhouding"
    assert {line.split(";")[0] for line in text[1:]} == {"1001", "1002"}
    assert all(line.endswith(";100,00") for line in text[1:])  # 120.00 premium - 20.00 contribution
    assert any(";'=SUM(A1) Jansen;" in line for line in text[1:])  # a name never starts a formula
    loket = client.post(url, {"profile": "loket", "withholding_component": "7250"})
    assert loket.content.decode("utf-8-sig").splitlines()[0] == "Werknemer;Naam;7250"
    nmbrs = client.post(
        url, {"profile": "nmbrs", "withholding_component": "W123", "contribution_component": "W124"}
    )
    rows = list(load_workbook(io.BytesIO(nmbrs.content)).active.values)  # type: ignore[union-attr]
    assert rows[0] == ("Persnr", "Looncode", "Waarde")
    assert sorted(rows[1:]) == [
        ("1001", "W123", 100),
        ("1001", "W124", 20),
        ("1002", "W123", 100),
        ("1002", "W124", 20),
    ]
    refused = client.post(url, {"profile": "loket"})
    assert "wage component" in refused.content.decode() or "looncomponent" in refused.content.decode()


def test_the_payroll_file_is_refused_while_a_policyholder_has_no_employee_number(
    world: World, english: None
) -> None:
    made = contract(world.org)
    insured(made, employee_number="", last_name="Zondernummer")
    statement = issue_statement(actor=None, contract=made, month=D(2026, 1, 1))
    actor = resolve_actor(world.users["insurance"], "acme")
    with pytest.raises(DomainError, match="Zondernummer"):
        services.make_payroll_file(actor=actor, statement_id=statement.pk, profile_name="generic", options={})


def test_downloads_are_audited_and_csv_cells_cannot_start_a_formula(world: World, client, statement) -> None:  # type: ignore[no-untyped-def]
    from werkzorg.audit.models import AuditEvent

    client.force_login(world.users["insurance"])
    csv = client.get(f"/o/acme/borderellen/{statement.pk}/csv/").content.decode("utf-8-sig")
    assert "'=SUM(A1)" in csv and ";=SUM" not in csv
    pdf = client.get(f"/o/acme/borderellen/{statement.pk}/pdf/")
    assert pdf.content.startswith(b"%PDF") and pdf["Content-Type"] == "application/pdf"
    xlsx = client.get(f"/o/acme/borderellen/{statement.pk}/excel/")
    assert load_workbook(io.BytesIO(xlsx.content)).active.max_row == 3  # type: ignore[union-attr]
    assert AuditEvent.objects.filter(event_type="statement_downloaded").count() == 3


MONTHS = [D(2026, m, 1) for m in range(1, 7)]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    periods=st.lists(
        st.tuples(st.integers(min_value=0, max_value=150), st.integers(min_value=0, max_value=200)),
        min_size=1,
        max_size=6,
    )
)
def test_prolongation_differences_over_consecutive_months_add_up_to_the_whole_span(
    world: World, periods
) -> None:  # type: ignore[no-untyped-def]
    with transaction.atomic():
        made = contract(world.org, prices={"BASIS": ("120.00", "20.00")})
        for start, length in periods:
            first = D(2026, 1, 1) + datetime.timedelta(days=start)
            insured(made, start=first, end=first + datetime.timedelta(days=length))
        statements = [issue_statement(actor=None, contract=made, month=m) for m in MONTHS]
        actor = resolve_actor(world.users["insurance"], "acme")
        steps = [
            services.prolongation_differences(actor=actor, contract=made, first=a, second=b)["total"]
            for a, b in itertools.pairwise(MONTHS)
        ]
        whole = services.prolongation_differences(
            actor=actor, contract=made, first=MONTHS[0], second=MONTHS[-1]
        )
        assert (
            sum(steps, Decimal("0.00"))
            == whole["total"]
            == statements[-1].total_premium - statements[0].total_premium
        )
        for s in statements:
            lines = s.lines.all()
            assert s.total_premium == sum((line.premium for line in lines), Decimal("0.00"))
        transaction.set_rollback(True)


def test_the_reconciliation_pages_show_corrections_and_differences(world: World, client) -> None:  # type: ignore[no-untyped-def]
    made = contract(world.org)
    made.retroactive_months = 24
    made.save()
    person = insured(made, last_name="Vertrekker")
    issue_statement(actor=None, contract=made, month=D(2026, 1, 1))
    issue_statement(actor=None, contract=made, month=D(2026, 2, 1))
    actor = resolve_actor(world.users["insurance"], "acme")
    services.deregister(actor=actor, insured_id=person.pk, end_date=D(2026, 2, 14))
    issue_statement(actor=None, contract=made, month=D(2026, 3, 1))
    client.force_login(world.users["insurance"])
    base = f"/o/acme/premiecontrole/?collectiviteit={made.collectivity_id}"
    corrections = client.get(base + "&overzicht=correcties&maand=2026-03").content.decode()
    assert "Vertrekker" in corrections and "-60,00" in corrections
    mutations = client.get(base + "&overzicht=mutaties&maand=2026-03").content.decode()
    assert "Vertrekker" in mutations and "-120,00" in mutations  # February 120.00, March nothing
    prolongation = client.get(base + "&overzicht=prolongatie&van=2026-01&tot=2026-03&formaat=xlsx")
    rows = list(load_workbook(io.BytesIO(prolongation.content)).active.values)  # type: ignore[union-attr]
    assert rows[1][3:] == (120, 0, -120)
    chosen = client.get(
        base + "&overzicht=prolongatie&van=2026-01&tot=2026-03&formaat=csv&kolom=naam&kolom=verschil"
    )
    assert chosen.content.decode("utf-8-sig").splitlines() == [
        "naam;verschil",
        f"{person.display_name};-120.00",
    ]


def test_a_large_statement_is_made_in_the_background(world: World, client, statement) -> None:  # type: ignore[no-untyped-def]
    from django.test import TestCase

    from werkzorg.insurance.models import Statement
    from werkzorg.jobs.models import Job

    Statement.objects.filter(pk=statement.pk).update(line_count=5_001)  # as if it had that many lines
    client.force_login(world.users["insurance"])
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.get(f"/o/acme/borderellen/{statement.pk}/excel/")
    assert response.status_code == 302 and "/taken/" in response["Location"]
    job = Job.objects.get(kind="insurance.statement_file")
    assert job.result_name == f"{statement.number}.xlsx"
    assert load_workbook(io.BytesIO(job.result.read())).active.max_row == 3  # type: ignore[union-attr]
