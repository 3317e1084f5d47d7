"""Sickness absence tried as the people involved would, in the browser: the employer reports sick and
sees the timeline; the physician writes a note and a work-related advice; the employer sees the advice
and not the note; the employee signs the plan of action through the link; partial recovery, recovery and
a relapse within four weeks move the dates as worked out by hand; the figures change."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core import mail

from tests.personas import World
from werkzorg.absence.models import AbsenceFile
from werkzorg.employees.tests.factories import EmployeeFactory

from .conftest import check_axe, signed_in_as

NOTE = "Kanarie-browser: lage rugklachten na val"
DAY = datetime.timedelta(days=1)


def figure(page: Any) -> str:
    page.goto("/o/acme/verzuim/cijfers/")
    check_axe(page)
    return str(page.text_content("[data-figure=percentage]")).strip()


def test_a_sick_report_from_report_to_relapse(world: World, new_page: Any, live_server: Any) -> None:
    today = datetime.date.today()
    start_of_year = today.replace(month=1, day=1)
    for _n in range(5):  # figures show for groups of five or more
        EmployeeFactory(organisation=world.org, employment_start=start_of_year - 400 * DAY)
    sick = EmployeeFactory(
        organisation=world.org, employee_number="V-100", last_name="Ziekmans", email="ziekmans@acme.nl",
        employment_start=start_of_year - 400 * DAY,
    )  # fmt: skip
    reports = new_page()
    signed_in_as(reports, world.users["superuser"], live_server)
    before = figure(reports)

    # The employer (absence role) reports the employee sick, ten days back, and sees the timeline.
    employer = new_page()
    signed_in_as(employer, world.users["absence"], live_server)
    employer.goto("/o/acme/verzuim/")
    check_axe(employer)
    employer.get_by_role("link", name="Ziek melden").first.click()
    check_axe(employer)
    employer.fill("#id_employee_number", "V-100")
    employer.fill("#id_first_sick_day", f"{today - 10 * DAY:%Y-%m-%d}")
    employer.get_by_role("button", name="Ziek melden").click()
    employer.wait_for_url(re.compile(r".*/verzuim/\d+/$"))
    check_axe(employer)
    file = AbsenceFile.objects.get(employee=sick)
    analysis = employer.locator("tr[data-step=problem_analysis]")
    assert f"{today + 31 * DAY:%d-%m-%Y}" in analysis.inner_text()  # day 42: first sick day + 41
    assert "Ziekmelding bij de arbodienst" in employer.content()

    # The physician writes a consult note (medical) and a work-related advice (for the employer).
    physician = new_page()
    signed_in_as(physician, world.users["physician"], live_server)
    physician.goto(f"/o/acme/verzuim/{file.pk}/")
    check_axe(physician)
    physician.get_by_role("link", name="Spreekuur plannen").click()
    physician.select_option("#id_kind", "first")
    physician.fill("#id_starts_at", f"{today + 3 * DAY:%Y-%m-%d}T10:30")
    physician.get_by_role("button", name="Opslaan").click()
    physician.wait_for_url(f"**/verzuim/{file.pk}/")
    physician.get_by_role("link", name="Medisch dossier").first.click()
    check_axe(physician)
    physician.select_option("#id_kind", "note")
    physician.fill("#id_body", NOTE)
    physician.get_by_role("button", name="Opslaan").click()
    physician.wait_for_url(f"**/verzuim/{file.pk}/medisch/")
    assert NOTE in physician.content()
    physician.get_by_role("link", name="Arbeidsadvies geven").click()
    check_axe(physician)
    physician.fill("#id_can_do", "Bureauwerk, 4 uur per dag")
    physician.fill("#id_cannot_do", "Tillen boven 10 kg")
    physician.fill("#id_expected_return", "Over drie weken volledig")
    physician.get_by_role("button", name="Opslaan").click()
    physician.wait_for_url(f"**/verzuim/{file.pk}/")

    # The employer sees the advice and the planned consult, never the note.
    employer.reload()
    check_axe(employer)
    page_text = employer.content()
    assert "Tillen boven 10 kg" in page_text and "Eerste spreekuur" in page_text
    assert "Kanarie-browser" not in page_text
    employer.goto(f"/o/acme/verzuim/{file.pk}/medisch/")
    assert "Kanarie-browser" not in employer.content()
    employer.goto(f"/o/acme/verzuim/{file.pk}/")

    # Plan of action: written and signed for the employer, then signed by the employee through the link.
    employer.get_by_role("link", name="Plan van aanpak of evaluatie opstellen").click()
    check_axe(employer)
    employer.fill("#id_goal", "Terug in eigen werk")
    employer.fill("#id_agreements", "Week 1-2: halve dagen administratie.")
    employer.fill("#id_case_manager_name", "Fleur Visser")
    employer.get_by_role("button", name="Opslaan").click()
    employer.wait_for_url(f"**/verzuim/{file.pk}/")
    employer.get_by_role("button", name="Ondertekenen namens de werkgever").click()
    employer.wait_for_url(f"**/verzuim/{file.pk}/")
    employer.get_by_role("button", name="De medewerker een link sturen").click()
    employer.wait_for_url(f"**/verzuim/{file.pk}/")
    body = [m for m in mail.outbox if "ziekmans@acme.nl" in m.to][-1].body
    assert "Kanarie" not in body and "rug" not in body
    link = re.search(r"https?://[^/]+(/verzuim/[^\s]+/)", body).group(1)  # type: ignore[union-attr]
    employee = new_page()
    employee.goto(link)
    check_axe(employee)
    assert "Kanarie-browser" not in employee.content() and "Week 1-2: halve dagen" in employee.content()
    employee.get_by_role("button", name="Ondertekenen").click()
    employee.wait_for_url(f"**{link}")
    assert "u hebt het document ondertekend" in employee.content().lower()
    with employee.expect_download() as download:
        employee.get_by_role("link", name="Download uw kopie van het re-integratiedossier (PDF)").click()
    copy = Path(download.value.path()).read_bytes()
    assert copy.startswith(b"%PDF")
    employer.reload()
    assert f"gedaan {today:%d-%m-%Y}" in employer.locator("tr[data-step=plan_of_action]").inner_text()

    # Partial recovery (50 % from six days back), full recovery three days back, sick again yesterday.
    employer.get_by_role("link", name="Gedeeltelijk herstel melden").click()
    check_axe(employer)
    employer.fill("#id_effective_from", f"{today - 6 * DAY:%Y-%m-%d}")
    employer.fill("#id_percentage", "50")
    employer.get_by_role("button", name="Opslaan").click()
    employer.wait_for_url(f"**/verzuim/{file.pk}/")
    assert f"{today + 31 * DAY:%d-%m-%Y}" in employer.locator("tr[data-step=problem_analysis]").inner_text()
    employer.get_by_role("link", name="Herstel melden", exact=True).click()
    employer.fill("#id_recovered_on", f"{today - 3 * DAY:%Y-%m-%d}")
    employer.get_by_role("button", name="Opslaan").click()
    employer.wait_for_url(f"**/verzuim/{file.pk}/")
    check_axe(employer)
    employer.get_by_role("link", name="Opnieuw ziek melden").click()
    employer.fill("#id_first_sick_day", f"{today - DAY:%Y-%m-%d}")
    employer.get_by_role("button", name="Opslaan").click()
    employer.wait_for_url(f"**/verzuim/{file.pk}/")
    check_axe(employer)
    assert "Terugval binnen vier weken" in employer.content()
    periods = employer.locator("#periods").inner_text()
    assert f"{today - 10 * DAY:%-d}" in periods and "nog ziek" in periods
    # Seven sick days, two fit days that do not count, then sick again: day 42 is two days later.
    assert f"{today + 33 * DAY:%d-%m-%Y}" in employer.locator("tr[data-step=problem_analysis]").inner_text()

    after = figure(reports)
    assert before == "0,00%"
    assert Decimal(after.rstrip("%").replace(",", ".")) > 0
