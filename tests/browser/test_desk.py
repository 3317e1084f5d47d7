"""The desk signs in through the portal's sign-in with the second factor, then works in the desk."""

from __future__ import annotations

from typing import Any

from tests.factories import PASSWORD, TOTP_SECRET
from tests.personas import World

from .conftest import check_axe, totp_code


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
