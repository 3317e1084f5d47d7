"""An intervention from request to survey, and a refusal, as the people involved do it in the browser."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.core import mail
from django.utils import timezone

from tests.factories import PASSWORD, TOTP_SECRET
from tests.personas import World
from werkzorg.interventions.models import (
    Appointment,
    Intervention,
    InterventionRequest,
    RequestStatus,
    SurveyResponse,
)
from werkzorg.interventions.tests.factories import InterventionFactory

from .conftest import check_axe, sign_in


def catalogue_item(world: World) -> Intervention:
    item: Intervention = InterventionFactory(title="Coaching bij werkstress", providers=[world.provider_org])
    return item


def mailed_link(address: str, prefix: str) -> str:
    body = [m for m in mail.outbox if address in m.to][-1].body
    match = re.search(rf"https?://[^/]+(/{prefix}/[^\s]+/)", body)
    assert match, body
    return match.group(1)


def request_as_requester(
    world: World, page: Any, item: Intervention, email: str, try_lookup: bool = False
) -> InterventionRequest:
    sign_in(page, "requester@acme.nl", PASSWORD, TOTP_SECRET)
    page.goto("/interventiewijzer/")
    check_axe(page)
    # The guide searches as one types (htmx, after a 400 ms pause). Wait for that answer: a click on a
    # result before it would be cancelled by its swap and pushed URL (seen in CI).
    with page.expect_response(lambda response: "q=werkstress" in response.url):
        page.fill("#id_q", "werkstress")
    page.wait_for_url("**/interventiewijzer/?*q=werkstress*")  # htmx has swapped the results in
    page.locator("#catalogue-results").get_by_role("link", name=item.title).click()
    page.wait_for_url(f"**/interventiewijzer/{item.pk}/")
    check_axe(page)
    page.click("a:has-text('Acme')")
    page.wait_for_url("**/interventies/aanvragen/**")
    check_axe(page)
    if try_lookup:  # the register picker fills the employee number
        employee = world.objects["employee"]
        page.fill("#employee-lookup", employee.last_name)  # type: ignore[attr-defined]
        page.click(f"button[data-fill-value='{employee.employee_number}']")  # type: ignore[attr-defined]
        assert page.input_value("#id_employee_number") == employee.employee_number  # type: ignore[attr-defined]
        check_axe(page)
        page.fill("#id_employee_number", "")
    page.select_option("#id_collectivity", index=1)
    page.select_option("#id_provider", index=1)
    page.fill("#id_name", "Kees Zonnebloem")
    page.fill("#id_email", email)
    page.fill("#id_phone", "06 87 65 43 21")
    page.click("form.werkzorg-form button[type=submit]")
    page.wait_for_url(re.compile(r".*/interventies/\d+/$"))
    check_axe(page)
    return InterventionRequest.objects.get(employee_email=email)


def test_request_consent_provider_and_survey(world: World, new_page: Any) -> None:
    item = catalogue_item(world)
    requester = new_page()
    request = request_as_requester(world, requester, item, "kees@privemail.nl")
    assert request.status == RequestStatus.AWAITING_CONSENT

    employee = new_page()
    employee.goto(mailed_link("kees@privemail.nl", "toestemming"))
    check_axe(employee)
    assert "Care Provider" in employee.inner_text("main")
    employee.click("form:has(input[value=consent]) button")
    employee.wait_for_selector("h1")
    check_axe(employee)

    provider = new_page()
    sign_in(provider, "staff@care.nl", PASSWORD, TOTP_SECRET)
    provider.goto("/o/care/werklijst/")
    check_axe(provider)
    provider.click(f"a:has-text('{request.number}')")
    provider.wait_for_url(f"**/werklijst/{request.pk}/")
    check_axe(provider)
    assert "kees@privemail.nl" in provider.inner_text("main")
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    provider.fill("#id_starts_at", tomorrow.strftime("%Y-%m-%dT10:00"))
    provider.click("form:has(#id_starts_at) button[type=submit]")
    provider.wait_for_selector("text=/Ingepland|Planned/")
    Appointment.objects.filter(request=request).update(starts_at=timezone.now() - datetime.timedelta(hours=1))
    provider.reload()
    provider.click("button:has-text('Aanwezig'), button:has-text('Attended')")
    provider.wait_for_selector(
        "button:has-text('Markeren als afgerond'), button:has-text('Mark as completed')"
    )
    check_axe(provider)
    provider.click("button:has-text('Markeren als afgerond'), button:has-text('Mark as completed')")
    provider.wait_for_load_state()
    request.refresh_from_db()
    assert request.status == RequestStatus.COMPLETED

    # Two earlier answers, so that the dashboard may show an average (never a single person's score).
    for n in range(2):
        twin = InterventionRequest.objects.create(
            number=f"IV-old-{n}",
            organisation=world.org,
            collectivity=request.collectivity,
            intervention=item,
            provider=world.provider_org,
            category="mental",
            requested_by=request.requested_by,
            status="completed",
            consent_due_at=timezone.now(),
            submit_token=f"old-{n}",
        )
        SurveyResponse.objects.create(request=twin, score_offer=8, score_speed=8)
    employee.goto(mailed_link("kees@privemail.nl", "enquete"))
    check_axe(employee)
    employee.check("input[name=score_offer][value='8']")
    employee.check("input[name=score_speed][value='5']")
    employee.click("form.werkzorg-form button[type=submit]")
    employee.wait_for_selector("text=/Bedankt|Thank you/")
    check_axe(employee)

    boss = new_page()
    sign_in(boss, "main@acme.nl", PASSWORD, TOTP_SECRET)
    boss.goto("/o/acme/dashboard/")
    check_axe(boss)
    main_text = boss.inner_text("main")
    assert re.search(r"7[.,]0", main_text), main_text  # speed: (8 + 8 + 5) / 3
    boss.goto(f"/o/acme/interventies/{request.pk}/")
    check_axe(boss)


def test_refusal_erases_the_employee(world: World, new_page: Any) -> None:
    item = catalogue_item(world)
    requester = new_page()
    request = request_as_requester(world, requester, item, "weigeraar@privemail.nl", try_lookup=True)
    employee = new_page()
    employee.goto(mailed_link("weigeraar@privemail.nl", "toestemming"))
    employee.click("form:has(input[value=refuse]) button")
    employee.wait_for_selector("h1")
    check_axe(employee)
    request.refresh_from_db()
    assert request.status == RequestStatus.CANCELLED
    assert (request.employee_name, request.employee_email, request.employee_phone) == ("", "", "")
    requester.goto(f"/o/acme/interventies/{request.pk}/")
    check_axe(requester)
    assert "Kees" not in requester.inner_text("main")
