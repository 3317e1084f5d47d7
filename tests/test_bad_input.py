"""Bad input in addresses and forms gets a page with a message, never a server error."""

import pytest
from django.test import Client

from .personas import World

JUNK = ["abc", "-1", "9" * 30, "%00", "'; DROP TABLE x;--", "2026-13-45", "<script>alert(1)</script>"]


@pytest.mark.parametrize("junk", JUNK)
def test_list_pages_survive_junk_parameters(full_world: World, junk: str) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(full_world.users["superuser"])
    params = {
        "q": junk,
        "pagina": junk,
        "toon": junk,
        "soort": junk,
        "status": junk,
        "category": junk,
        "created_from": junk,
        "created_to": junk,
        "number": junk,
        "delivery": junk,
        "region": junk,
        "max_price": junk,
        "interventie": junk,
        "onderwerp": junk,
        "vorm": junk,
        "regio": junk,
        "agb_code": junk,
    }
    for path in [
        "/o/acme/medewerkers/",
        "/o/acme/logboek/",
        "/o/acme/interventies/",
        "/o/acme/interventies/exporteren/",
        "/o/acme/interventies/aanvragen/",
        "/interventiewijzer/",
        "/interventiewijzer/hulp/",
        "/o/acme/bedrijfsartsen/",
        "/o/acme/dashboard/",
        "/o/acme/medewerkers/exporteren/",
    ]:
        response = client.get(path, params)
        assert response.status_code < 500, f"{path} with {junk!r}: {response.status_code}"


@pytest.mark.parametrize("junk", JUNK)
def test_forms_survive_junk(full_world: World, junk: str) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(full_world.users["superuser"])
    posts = {
        "/o/acme/medewerkers/nieuw/": {
            "employee_number": junk,
            "first_name": junk,
            "last_name": junk,
            "email": junk,
            "mobile": junk,
            "date_of_birth": junk,
            "employment_start": junk,
        },
        "/o/acme/gebruikers/uitnodigen/": {
            "full_name": junk,
            "email": junk,
            "phone": junk,
            "role_reports": junk,
        },
        f"/o/acme/gebruikers/{full_world.objects['membership'].pk}/": {"version": junk, "role_reports": "on"},  # type: ignore[attr-defined]
        "/o/acme/bedrijfsartsen/machtigen/": {"agb_code": junk},
        "/o/acme/voorwaarden/": {"accept": junk},
        f"/o/acme/interventies/aanvragen/?interventie={full_world.objects['intervention'].pk}": {  # type: ignore[attr-defined]
            "collectivity": junk,
            "provider": junk,
            "name": junk,
            "email": junk,
            "phone": junk,
            "submit_token": junk,
        },
        "/toestemming/abc/": {"decision": junk},
        "/enquete/abc/": {"score_offer": junk},
        "/o/acme/medewerkers/exporteren/": {"zoek": junk, "formaat": junk},
        f"/o/acme/interventies/exporteren/?status={junk}&created_from={junk}": {},
        f"/uitnodiging/{full_world.objects['invitation'].pk}/": {"code": junk},  # type: ignore[attr-defined]
    }
    for path, data in posts.items():
        response = client.post(path, data)
        assert response.status_code < 500, f"{path} with {junk!r}: {response.status_code}"
