"""Declaring an invoice against the vitality budget, as the declare role and the desk do it in the browser:
the employer uploads the PDF, the desk approves it in its admin, the employer sees the budget go down."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from tests.personas import World
from werkzorg.billing.tests.pdfs import invoice_pdf

from .conftest import check_axe, signed_in_as


def remaining(page: Any) -> str:
    return str(page.text_content("[data-figure=remaining]")).strip()


def test_a_declared_invoice_lowers_the_budget_once_the_desk_approves(
    world: World, new_page: Any, live_server: Any, tmp_path: Path
) -> None:
    today = datetime.date.today()
    pdf = tmp_path / "factuur.pdf"
    pdf.write_bytes(invoice_pdf("declared"))
    employer = new_page()
    signed_in_as(employer, world.users["invoices"], live_server)
    employer.goto("/o/acme/declaraties/")
    check_axe(employer)
    before = remaining(employer)
    assert before == "€ 10.000,00"
    employer.get_by_role("link", name="Factuur declareren").click()
    check_axe(employer)
    employer.fill("#id_provider_name", "Leefstijlcoach Oost")
    employer.fill("#id_invoice_number", "LO-77")
    employer.fill("#id_invoice_date", f"{today:%Y-%m-%d}")
    employer.fill("#id_amount", "1250.50")
    employer.select_option("#id_category", "coaching")
    employer.set_input_files("#id_file", str(pdf))
    employer.get_by_role("button", name="Declareren").click()
    employer.wait_for_url("**/declaraties/")
    check_axe(employer)
    assert "Leefstijlcoach Oost" in employer.content() and remaining(employer) == before

    desk = new_page()
    signed_in_as(desk, world.users["desk"], live_server)
    desk.goto("/desk/billing/declaration/?status__exact=submitted")
    check_axe(desk)
    desk.locator("tr", has_text="LO-77").locator("input[type=checkbox]").check()
    desk.select_option("select[name=action]", "approve")
    with desk.expect_navigation():
        desk.locator("button[name=index]").click()
    check_axe(desk)

    employer.reload()
    assert remaining(employer) == "€ 8.749,50"  # 10,000.00 - 1,250.50
    assert "goedgekeurd" in employer.locator("tr", has_text="LO-77").inner_text()
