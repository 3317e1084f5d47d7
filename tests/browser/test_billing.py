"""Billing in the browser: declaring an invoice against the vitality budget (the declare role uploads, the
desk approves, the budget goes down), and a provider's invoice from the work to the quarterly statement."""

from __future__ import annotations

import datetime
import zoneinfo
from decimal import Decimal
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from tests.personas import World
from werkzorg.billing import services
from werkzorg.billing.models import PriceListEntry
from werkzorg.billing.tests.pdfs import invoice_pdf
from werkzorg.interventions.models import Appointment

from .conftest import check_axe, signed_in_as

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


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


def test_a_provider_invoice_from_the_work_to_the_quarterly_statement(
    full_world: World, new_page: Any, live_server: Any, tmp_path: Path
) -> None:
    """Four sessions at 120.00 + 21% VAT (145.20 each) and a no-show charged the same: gross 726.00; the
    employee's insurer is asked 40.00 per session (160.00), so Acme pays 566.00 net."""
    world = full_world
    today = datetime.date.today()
    request = world.objects["request"]
    PriceListEntry.objects.create(
        year=2026, intervention=world.objects["intervention"], session_price=Decimal("120.00"),
        vat_rate=Decimal("0.21"),
    )  # fmt: skip
    days = [datetime.date(2026, 10, d) for d in (6, 13, 20, 27)]
    for day, status in [*((d, "attended") for d in days), (datetime.date(2026, 11, 3), "no_show")]:
        Appointment.objects.create(
            request=request, starts_at=datetime.datetime(day.year, day.month, day.day, 10, tzinfo=AMS),
            status=status, chargeable=True, created_by=world.users["provider"],
        )  # fmt: skip
    original = tmp_path / "factuur-CP-2026-17.pdf"
    original.write_bytes(invoice_pdf("CP-2026-17"))

    provider = new_page()
    signed_in_as(provider, world.users["provider"], live_server)
    provider.goto("/o/care/facturen/")
    check_axe(provider)
    provider.get_by_role("link", name=f"{request.number}: Coaching (Acme B.V.)").click()  # type: ignore[attr-defined]
    check_axe(provider)
    provider.fill("#id_consented_on", "2026-10-01")
    provider.fill("#id_insurer_name", "Zilveren Kruis")
    provider.get_by_role("button", name="Toestemming vastleggen").click()
    provider.wait_for_selector("text=De toestemming van de medewerker is vastgelegd")
    check_axe(provider)
    provider.fill("#id_number", "CP-2026-17")
    provider.fill("#id_invoice_date", f"{today:%Y-%m-%d}")
    boxes = provider.locator("input[name=appointments]")
    for n in range(boxes.count()):
        boxes.nth(n).check()
    for offset in provider.locator("input[name^=offset_]").all()[:4]:
        offset.fill("40.00")
    provider.set_input_files("#id_file", str(original))
    provider.get_by_role("button", name="Factuur indienen").click()
    provider.wait_for_url("**/facturen/*/")
    check_axe(provider)
    totals = provider.locator("tfoot").inner_text()
    assert all(amount in totals for amount in ("600,00", "126,00", "726,00", "160,00", "566,00")), totals
    assert "ingediend, wacht op de desk" in provider.content()

    desk = new_page()
    signed_in_as(desk, world.users["desk"], live_server)
    desk.goto("/desk/billing/providerinvoice/?status__exact=submitted")
    check_axe(desk)
    desk.locator("tr", has_text="CP-2026-17").locator("input[type=checkbox]").check()
    desk.select_option("select[name=action]", "approve")
    with desk.expect_navigation():
        desk.locator("button[name=index]").click()
    check_axe(desk)
    provider.reload()
    assert "goedgekeurd, betaling ingepland" in provider.content()

    # The quarter ends: the scheduler issues its statement (here asked directly, on 2 January).
    services.issue_quarter(
        actor=None, organisation=world.org, year=2026, quarter=4, today=datetime.date(2027, 1, 2)
    )

    owner = new_page()
    signed_in_as(owner, world.users["superuser"], live_server)
    owner.goto("/o/acme/verzamelbladen/")
    check_axe(owner)
    owner.get_by_role("link", name="Q4 2026").click()
    check_axe(owner)
    page_text = owner.locator("main").inner_text()
    assert "€ 566,00" in page_text
    to_pay = [
        Decimal(cell.replace(".", "").replace(",", "."))
        for cell in owner.locator("table >> nth=1").locator("tbody tr td:last-child").all_inner_texts()
    ]
    assert sum(to_pay) == Decimal("566.00") and len(to_pay) == 5
    with owner.expect_download() as download:
        owner.get_by_role("link", name="Pdf met de originele facturen downloaden").click()
    pdf = PdfReader(download.value.path())
    assert "566,00" in pdf.pages[0].extract_text()
    last = pdf.pages[-1].mediabox
    assert (round(float(last.width)), round(float(last.height))) == (595, 842)  # the original, appended

    requester = new_page()
    signed_in_as(requester, world.users["requester"], live_server)
    requester.goto("/o/acme/interventies/")
    check_axe(requester)
    assert requester.get_by_role("link", name="Verzamelbladen").count() == 0
    assert requester.goto("/o/acme/verzamelbladen/").status == 403
