"""Exports and imports of 20,000 rows run in the background: the page shows progress and hands over the result."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from tests.personas import World
from werkzorg.employees.models import Employee

from .conftest import check_axe, signed_in_as

ROWS = 20_000


def test_a_20000_row_export_is_made_in_the_background_and_downloaded(
    world: World, new_page: Any, live_server: Any
) -> None:
    Employee.objects.bulk_create(
        [
            Employee(
                organisation=world.org, employee_number=f"B{n:05d}", first_name="Bulk", last_name=f"Mens{n}"
            )
            for n in range(ROWS)
        ],
        batch_size=2000,
    )
    page = new_page()
    # Without a broker (the embedded default and the tests) the job runs eagerly in the request itself.
    page.set_default_timeout(180_000)
    signed_in_as(page, world.users["superuser"], live_server)
    page.goto("/o/acme/medewerkers/")
    page.get_by_role("button", name="Exporteren naar Excel").click()
    page.wait_for_url("**/taken/*/")
    download_link = page.get_by_role("link", name="Download medewerkers-", exact=False)
    download_link.wait_for(timeout=60_000)
    assert page.locator("progress").get_attribute("value") == "100"
    check_axe(page)
    with page.expect_download() as info:
        download_link.click()
    sheet = load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()), read_only=True).active
    assert sum(1 for _ in sheet.iter_rows()) == ROWS + 2  # the header, the world's employee and the 20,000


def test_a_20000_row_import_is_checked_and_written_in_the_background(
    world: World, new_page: Any, live_server: Any, tmp_path: Path
) -> None:
    source = tmp_path / "medewerkers.csv"
    lines = ["personeelsnummer;voornaam;achternaam"] + [f"I{n:05d};Nieuw;Mens{n}" for n in range(ROWS)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page = new_page()
    page.set_default_timeout(180_000)  # see above: here the job runs inside the upload's request
    signed_in_as(page, world.users["superuser"], live_server)
    page.goto("/o/acme/medewerkers/importeren/")
    page.set_input_files("#id_file", str(source))
    page.get_by_role("button", name="Controleren en importeren").click()
    page.wait_for_url("**/taken/*/", timeout=120_000)
    page.get_by_text(f"{ROWS} toegevoegd").wait_for(timeout=120_000)
    assert page.locator("progress").get_attribute("value") == "100"
    check_axe(page)
    assert Employee.objects.filter(organisation=world.org, employee_number__startswith="I").count() == ROWS
