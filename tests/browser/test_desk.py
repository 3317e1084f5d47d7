"""The desk signs in through the portal's sign-in with the second factor, then works in the desk."""

from __future__ import annotations

from typing import Any

from tests.factories import PASSWORD, TOTP_SECRET
from tests.personas import World

from .conftest import check_axe, signed_in_as, totp_code


def test_the_desk_signs_in_with_the_second_factor(world: World, new_page: Any) -> None:
    page = new_page()
    page.goto("/desk/")
    page.wait_for_url("**/accounts/login/?next=%2Fdesk%2F")
    check_axe(page)
    page.fill("#id_login", "desk@operator.nl")
    page.fill("#id_password", PASSWORD)
    page.click("form.werkzorg-form button[type=submit]")
    page.wait_for_url("**/accounts/2fa/authenticate/**")
    check_axe(page)
    page.fill("input[name=code]", totp_code(TOTP_SECRET))
    page.click("form.werkzorg-form button[type=submit]")
    page.wait_for_url("**/desk/")
    assert page.locator("#site-name").count() == 1
    check_axe(page)


DESK_PAGES = [
    "/desk/accounts/user/",
    "/desk/accounts/user/add/",
    "/desk/accounts/invitation/",
    "/desk/organisations/organisation/",
    "/desk/organisations/organisation/add/",
    "/desk/organisations/collectivity/add/",
    "/desk/organisations/practitioner/",
    "/desk/organisations/practitioner/add/",
    "/desk/organisations/practitioner/importeren/",
    "/desk/organisations/termsversion/add/",
    "/desk/organisations/operatorsettings/add/",
    "/desk/interventions/intervention/",
    "/desk/interventions/intervention/add/",
    "/desk/employees/employee/",
    "/desk/audit/auditevent/",
    "/desk/organisations/physicianauthorisation/",
    "/desk/organisations/termsacceptance/",
    "/desk/interventions/interventionrequest/",
    "/desk/organisations/collectivity/",
    "/desk/integrations/apiclient/",
    "/desk/integrations/apiclient/operator/nieuw/",
]


def test_every_desk_page_passes_the_accessibility_check(
    world: World, new_page: Any, live_server: Any
) -> None:
    page = new_page()
    signed_in_as(page, world.users["desk"], live_server)
    problems = []
    for url in [*DESK_PAGES, f"/desk/organisations/organisation/{world.org.pk}/change/"]:
        page.goto(url)
        assert "/accounts/login/" not in page.url, url
        try:
            check_axe(page)
        except AssertionError as error:
            problems.append(str(error))
    assert not problems, "\n".join(problems)
