"""One form of address: the portal says "u" to its users on every Dutch page, allauth's pages included."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils.html import strip_tags

from tests.personas import World

INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)
SIGNED_OUT = [
    "/accounts/login/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/interventiewijzer/",
    "/sessie/verlopen/",
]
SIGNED_IN = [
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/2fa/",
    "/accounts/2fa/webauthn/",
    "/accounts/sessions/",
    "/accounts/logout/",
    "/accounts/reauthenticate/",
    "/account/",
    "/o/acme/",
    "/o/acme/gebruikers/",
    "/o/acme/medewerkers/",
    "/o/acme/interventies/",
    "/o/acme/dashboard/",
    "/o/acme/logboek/",
]


def informal_words(client: Client, url: str) -> list[str]:
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    text = strip_tags(response.content.decode())
    return [
        f"{url}: …{text[max(0, m.start() - 40) : m.end() + 20].strip()}…" for m in INFORMAL.finditer(text)
    ]


@pytest.mark.parametrize("url", SIGNED_OUT)
def test_signed_out_pages_say_u(db: None, url: str) -> None:
    assert not informal_words(Client(), url)


def test_signed_in_pages_say_u(world: World) -> None:
    client = Client()
    client.force_login(world.users["superuser"])  # type: ignore[arg-type]
    found = [hit for url in SIGNED_IN for hit in informal_words(client, url)]
    assert not found, "\n".join(found)


def test_the_lock_out_says_when_to_try_again(world: World) -> None:
    client = Client()
    for _ in range(6):
        response = client.post("/accounts/login/", {"login": "requester@acme.nl", "password": "wrong"})
    assert "Probeer het over 15 minuten opnieuw" in response.content.decode()


def test_an_organisation_name_ending_in_a_dot_gets_no_second_dot(world: World) -> None:
    world.org.name = "Korenaar B.V."
    world.org.save()
    page = Client().get(f"/uitnodiging/{world.objects['invitation'].pk}/").content.decode()  # type: ignore[attr-defined]
    assert "Korenaar B.V. te werken" in page and "B.V.." not in page
