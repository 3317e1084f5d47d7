"""Passkeys (WebAuthn) with Chromium's virtual authenticator: add one, then sign in with it alone."""

from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator

from tests.factories import PASSWORD, TOTP_SECRET
from tests.personas import World

from .conftest import check_axe, sign_in


def virtual_authenticator(page: Any) -> None:
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    session.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )


def test_a_passkey_is_added_and_signs_in_without_password(world: World, new_page: Any) -> None:
    page = new_page()
    virtual_authenticator(page)
    sign_in(page, "requester@acme.nl", PASSWORD, TOTP_SECRET)
    page.goto("/accounts/2fa/webauthn/add/")
    if "/reauthenticate/" in page.url:
        page.fill("#id_password", PASSWORD)
        page.click("form.werkzorg-form button[type=submit]")
        page.wait_for_url("**/webauthn/add/**")
    check_axe(page)
    page.fill("#id_name", "Laptop")
    passwordless = page.locator("#id_passwordless")
    if passwordless.count():
        passwordless.check()
    page.click("#mfa_webauthn_add")
    page.wait_for_url(lambda url: "/webauthn/add/" not in url)
    user = world.users["requester"]
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.WEBAUTHN).exists()
    check_axe(page)
    page.click("form[action='/accounts/logout/'] button[type=submit]")
    page.wait_for_load_state()
    page.goto("/accounts/login/")
    page.click("#passkey_login")
    page.wait_for_url(lambda url: "/accounts/" not in url)
    assert "/o/acme/" in page.url
