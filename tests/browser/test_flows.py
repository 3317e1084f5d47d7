"""The foundation as a person uses it: invitation to first login, organisation switching, the time-out."""

from __future__ import annotations

import re
from typing import Any

from django.test import override_settings

from tests.factories import PASSWORD, TOTP_SECRET, MembershipFactory
from tests.personas import World
from werkzorg.notifications import sms

from .conftest import check_axe, sign_in, totp_code


def test_invitation_to_first_login_with_two_factor(world: World, new_page: Any) -> None:
    admin = new_page()
    sign_in(admin, "main@acme.nl", PASSWORD, TOTP_SECRET)
    check_axe(admin)
    admin.goto("/o/acme/gebruikers/uitnodigen/")
    check_axe(admin)
    admin.fill("#id_full_name", "Collega Aanvrager")
    admin.fill("#id_email", "collega@acme.nl")
    admin.fill("#id_phone", "06 12 34 56 78")
    admin.check("#id_role_request_interventions")
    admin.click("button:has-text('Uitnodiging versturen'), button:has-text('Send invitation')")
    admin.wait_for_url("**/o/acme/gebruikers/")
    check_axe(admin)
    invitation = world.org.invitations.get(email="collega@acme.nl")

    colleague = new_page()
    colleague.goto(f"/uitnodiging/{invitation.pk}/")
    check_axe(colleague)
    colleague.click("button[name=send_code]")
    colleague.wait_for_selector("input[name=code]")
    check_axe(colleague)
    code = re.search(r"\b(\d{6})\b", sms.outbox[-1].text).group(1)  # type: ignore[union-attr]
    assert sms.outbox[-1].to == "+31612345678"
    colleague.fill("input[name=code]", code)
    colleague.click("form.werkzorg-form:has(input[name=code]) button[type=submit]")
    colleague.wait_for_url("**/registreren/")
    check_axe(colleague)
    colleague.fill("#id_password1", "een lange wachtzin voor het portaal")
    colleague.fill("#id_password2", "een lange wachtzin voor het portaal")
    colleague.click("form.werkzorg-form button[type=submit]")
    colleague.wait_for_url("**/account/tweestapsverificatie/")
    check_axe(colleague)
    colleague.click("text=/authenticator-app instellen|Set up an authenticator app/i")
    colleague.wait_for_url("**/totp/activate/**")
    check_axe(colleague)
    secret = colleague.input_value("#authenticator_secret")
    colleague.fill("input[name=code]", totp_code(secret))
    colleague.click("form.werkzorg-form button[type=submit]")
    colleague.wait_for_load_state()
    colleague.goto("/")
    colleague.wait_for_url("**/o/acme/")
    check_axe(colleague)
    nav = colleague.locator("nav.werkzorg-nav").inner_text()
    assert "Gebruikers" not in nav and "Users" not in nav  # user management is not offered
    assert colleague.goto("/o/acme/gebruikers/").status == 403


def test_switching_organisation(world: World, new_page: Any) -> None:
    MembershipFactory(
        user=world.users["superuser"], organisation=world.other_org, role_request_interventions=True
    )
    page = new_page()
    sign_in(page, "main@acme.nl", PASSWORD, TOTP_SECRET)
    page.select_option("#switch-organisation", "globex")
    page.click("form:has(#switch-organisation) button[type=submit]")
    page.wait_for_url("**/o/globex/")
    assert "Globex" in page.locator(".werkzorg-header__org").inner_text()
    check_axe(page)
    page.goto("/organisaties/?kies=1")
    check_axe(page)


@override_settings(SESSION_IDLE_TIMEOUT=6, SESSION_IDLE_WARNING=4)
def test_the_session_times_out_with_a_warning_and_a_clear_message(world: World, new_page: Any) -> None:
    page = new_page()
    sign_in(page, "requester@acme.nl", PASSWORD, TOTP_SECRET)
    dialog = page.locator("#session-warning")
    dialog.wait_for(state="visible", timeout=10_000)
    check_axe(page)
    page.click("[data-session-keepalive]")
    dialog.wait_for(state="hidden")
    dialog.wait_for(state="visible", timeout=10_000)
    page.wait_for_url("**/sessie/verlopen/**", timeout=15_000)
    assert "verlopen" in page.url
    check_axe(page)
    assert page.locator("h1").inner_text() in (
        "Je sessie is beëindigd",
        "Your session has ended",
        "Uw sessie is beëindigd",
    )
    page.goto("/o/acme/")
    assert "/accounts/login/" in page.url
