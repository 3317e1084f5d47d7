"""The main account holder registers an API client in the browser, copies its secret, sees it used,
and revokes it; the API documentation page reads well. Every page passes axe."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.personas import World
from werkzorg.integrations.models import ApiClient

from .conftest import check_axe, signed_in_as


def test_a_client_is_registered_used_and_revoked_in_the_browser(
    world: World, new_page: Any, live_server: Any
) -> None:
    page = new_page()
    signed_in_as(page, world.users["superuser"], live_server)
    page.goto("/o/acme/")
    page.get_by_role("link", name="API-koppelingen").first.click()
    page.wait_for_url("**/o/acme/koppelingen/")
    check_axe(page)
    page.get_by_label("Naam").fill("AFAS Salaris")
    page.get_by_label("collectieve zorgverzekering").check()
    page.get_by_role("button", name="Registreren").click()
    page.get_by_role("heading", name="API-koppeling AFAS Salaris geregistreerd").wait_for()
    check_axe(page)
    client_id = page.locator("#client-id").inner_text()
    secret = page.locator("#client-secret").inner_text()
    token = Client().post(
        "/api/oauth/token/",
        {"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
    )
    assert token.status_code == 200
    bearer = f"Bearer {token.json()['access_token']}"
    assert Client().get("/api/v1/o/acme/medewerkers/", HTTP_AUTHORIZATION=bearer).status_code == 200
    page.get_by_role("link", name="Terug naar de API-koppelingen").click()
    page.wait_for_url("**/o/acme/koppelingen/")
    assert secret not in page.content()
    row = page.get_by_role("row").filter(has_text="AFAS Salaris")
    assert "nooit" not in row.inner_text()  # the call above shows as its last use
    row.get_by_role("button", name="Intrekken").click()
    page.get_by_text("De API-koppeling is ingetrokken").wait_for()
    check_axe(page)
    assert ApiClient.objects.get(name="AFAS Salaris").revoked_at is not None
    assert Client().get("/api/v1/o/acme/medewerkers/", HTTP_AUTHORIZATION=bearer).status_code == 401


def test_the_api_documentation_page(world: World, new_page: Any, live_server: Any) -> None:
    page = new_page()
    signed_in_as(page, world.users["requester"], live_server)
    page.goto("/api/docs/")
    page.get_by_role("heading", name="API-documentatie").wait_for()
    assert page.get_by_text("GET /api/v1/o/{org}/medewerkers/").count() >= 1
    check_axe(page)
