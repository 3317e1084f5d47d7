"""The collective insurance tried as a new user with the insurance role would, in the browser."""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from tests.personas import World
from werkzorg.insurance.models import Relation, Statement, StatementLine
from werkzorg.insurance.premiums import add_months, month_end, month_start
from werkzorg.insurance.services.statements import issue_statement
from werkzorg.insurance.tests.factories import contract, insured

from .conftest import check_axe, signed_in_as


def _download(page: Any, name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=name, exact=True).first.click()
    return Path(info.value.path()).read_bytes()


def test_an_employer_finds_deregisters_corrects_and_makes_payroll_files(
    world: World, new_page: Any, live_server: Any
) -> None:
    today = datetime.date.today()
    this_month, last_month = month_start(today), add_months(month_start(today), -1)
    made = contract(world.org, start=add_months(this_month, -2), prices={"BASIS": ("120.00", "20.00")})
    leaver = insured(made, last_name="Vertrekker", employee_number="3001")
    family = insured(made, last_name="Gezinsman", employee_number="3002")
    insured(made, relation=Relation.PARTNER, holder=family, last_name="Gezinsman")
    renumbered = insured(made, last_name="Nummerman", employee_number="3003")
    for month in (add_months(this_month, -2), last_month, this_month):
        issue_statement(actor=None, contract=made, month=month)
    page = new_page()
    page.set_default_timeout(60_000)
    signed_in_as(page, world.users["insurance"], live_server)

    # Find one insured person by name and open the page.
    page.goto("/o/acme/verzekerden/")
    check_axe(page)
    page.get_by_label("Zoek één verzekerde").fill("Vertrekker")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name=leaver.display_name).click()
    check_axe(page)

    # Deregister with a date in last month, which is on an issued statement.
    page.get_by_role("link", name="Afmelden met gezin").click()
    check_axe(page)
    page.get_by_label("Laatste dag in de collectiviteit").fill(f"{last_month:%Y-%m}-15")
    page.get_by_role("button", name="Afmelden").click()
    page.wait_for_url(f"**/verzekerden/{leaver.pk}/")
    assert f"15-{last_month:%m-%Y}" in page.content()

    # Deregister a policyholder with family as of the 1st of next month: the last day of this month.
    page.goto(f"/o/acme/verzekerden/{family.pk}/afmelden/")
    page.get_by_label("Laatste dag in de collectiviteit").fill(f"{month_end(today):%Y-%m-%d}")
    page.get_by_role("button", name="Afmelden").click()
    page.wait_for_url(f"**/verzekerden/{family.pk}/")
    assert page.content().count(f"{month_end(today):%d-%m-%Y}") >= 2  # the policyholder and the partner

    # Change an employee number (effective today).
    page.goto(f"/o/acme/verzekerden/{renumbered.pk}/werknemersnummer/")
    check_axe(page)
    page.get_by_label("Personeelsnummer").fill("3999")
    page.get_by_role("button", name="Personeelsnummer opslaan").click()
    page.wait_for_url(f"**/verzekerden/{renumbered.pk}/")
    assert "3999" in page.content()

    # Who left last month, through the filter.
    page.goto(f"/o/acme/verzekerden/?left_in={last_month:%Y-%m}")
    check_axe(page)
    assert "Vertrekker" in page.content() and "Gezinsman" not in page.content()

    # The short list to Excel, made in the background.
    page.get_by_role("button", name="Lijst downloaden").click()
    page.wait_for_url("**/taken/*/")
    page.get_by_role("link", name="Download verzekerden-", exact=False).wait_for()
    check_axe(page)
    with page.expect_download() as info:
        page.get_by_role("link", name="Download verzekerden-", exact=False).click()
    rows = list(load_workbook(io.BytesIO(Path(info.value.path()).read_bytes())).active.values)  # type: ignore[union-attr]
    assert len(rows) == 2 and "Vertrekker" in rows[1]

    # Next month's statement (the scheduler's work) carries the correction of last month.
    statement = issue_statement(actor=None, contract=made, month=add_months(this_month, 1))
    # Last month from the 16th, and this month (already issued too) in full, come back as credits.
    corrections = StatementLine.objects.filter(statement=statement, kind="correction").order_by("period")
    assert [(c.period, c.premium < 0) for c in corrections] == [(last_month, True), (this_month, True)]
    page.goto("/o/acme/borderellen/")
    check_axe(page)
    page.goto(f"/o/acme/borderellen/{statement.pk}/")
    check_axe(page)
    assert "Correcties van eerdere maanden" in page.content() and "Vertrekker" in page.content()

    # This month's statement as PDF and Excel.
    current = Statement.objects.get(collectivity=made.collectivity, month=this_month)
    page.goto(f"/o/acme/borderellen/{current.pk}/")
    assert _download(page, "PDF downloaden").startswith(b"%PDF")
    workbook = load_workbook(io.BytesIO(_download(page, "Excel downloaden"))).active
    assert workbook.max_row == 1 + 4  # type: ignore[union-attr]  # four people, one product each

    # A payroll file in two formats.
    page.get_by_role("link", name="Importbestand salaris maken").click()
    check_axe(page)
    page.get_by_label("Algemeen CSV-bestand", exact=False).check()
    with page.expect_download() as info:
        page.get_by_role("button", name="Bestand downloaden").click()
    assert Path(info.value.path()).read_text(encoding="utf-8-sig").startswith("werknemersnummer;")
    page.get_by_label("Loket.nl", exact=False).check()
    page.get_by_label("Looncomponent voor de inhouding", exact=False).fill("7250")
    with page.expect_download() as info:
        page.get_by_role("button", name="Bestand downloaden").click()
    assert Path(info.value.path()).read_text(encoding="utf-8-sig").startswith("Werknemer;Naam;7250")

    # Last month's mutations and their premium effect.
    page.goto(
        f"/o/acme/premiecontrole/?collectiviteit={made.collectivity_id}&maand={add_months(this_month, 1):%Y-%m}"
    )
    check_axe(page)
    assert "Vertrekker" in page.content()

    # The extended list, delivered to the inbox.
    page.goto("/o/acme/verzekerden/")
    page.get_by_role("button", name="Uitgebreide lijst naar mijn Postvak IN").click()
    page.wait_for_url("**/taken/*/")
    page.get_by_role("link", name="Download verzekerden-uitgebreid-", exact=False).wait_for()
    page.goto("/o/acme/postvak/")
    check_axe(page)
    page.get_by_role("link", name="Uitgebreide lijst verzekerden", exact=False).click()
    check_axe(page)
    assert _download(page, f"Download verzekerden-uitgebreid-{today:%Y%m%d}.xlsx")[:2] == b"PK"


def test_a_second_contract_is_linked_and_confirmed_by_its_main_account_holder(
    world: World, new_page: Any, live_server: Any
) -> None:
    theirs = contract(world.other_org, number="8124")
    insured(theirs, last_name="Globexmedewerker")
    page = new_page()
    signed_in_as(page, world.users["insurance"], live_server)
    page.goto("/o/acme/gekoppelde-contracten/")
    check_axe(page)
    page.get_by_label("Klantnummer").fill(theirs.collectivity.customer_number)
    page.get_by_label("Collectiviteitsnummer").fill("8124")
    page.get_by_role("button", name="Koppeling aanvragen").click()
    page.wait_for_url("**/gekoppelde-contracten/")
    assert "wacht op bevestiging" in page.content() and theirs.collectivity.name not in page.content()

    other = new_page()
    signed_in_as(other, world.users["other_superuser"], live_server)
    other.goto("/o/globex/gekoppelde-contracten/")
    check_axe(other)
    other.get_by_role("button", name=f"Bevestigen Acme B.V., {theirs.collectivity.name}").click()
    other.wait_for_url("**/gekoppelde-contracten/")
    assert "gekoppeld" in other.content()

    page.goto("/o/acme/gekoppelde-contracten/")
    assert theirs.collectivity.name in page.content()
    page.goto("/o/acme/verzekerden/")
    assert "Globexmedewerker" in page.content()
