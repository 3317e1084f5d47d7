"""Linked contracts: asked by numbers, counted only once the other side confirms; guessing tells nothing."""

from __future__ import annotations

import pytest

from tests.personas import World
from werkzorg.insurance.models import ContractLink
from werkzorg.insurance.tests.factories import contract, insured

pytestmark = pytest.mark.django_db


def test_a_link_shows_the_other_contract_only_after_its_superuser_confirms(world: World, client) -> None:  # type: ignore[no-untyped-def]
    theirs = contract(world.other_org, number="8123")
    person = insured(theirs, last_name="Anderbedrijf")
    client.force_login(world.users["insurance"])
    asked = client.post(
        "/o/acme/gekoppelde-contracten/",
        {"customer_number": theirs.collectivity.customer_number, "collectivity_number": "8123"},
        follow=True,
    )
    guessed = client.post(
        "/o/acme/gekoppelde-contracten/",
        {"customer_number": "000000", "collectivity_number": "0000"},
        follow=True,
    )
    # The same answer for a real contract and for a guess.
    message = [str(m) for m in asked.context["messages"]]
    assert message == [str(m) for m in guessed.context["messages"]] and len(message) == 1
    assert theirs.collectivity.name not in asked.content.decode()
    assert client.get(f"/o/acme/verzekerden/{person.pk}/").status_code == 404  # not before confirmation
    link = ContractLink.objects.get(collectivity=theirs.collectivity)
    client.force_login(world.users["other_superuser"])
    assert client.post(f"/o/globex/gekoppelde-contracten/{link.pk}/bevestigen/").status_code == 302
    client.force_login(world.users["insurance"])
    assert client.get(f"/o/acme/verzekerden/{person.pk}/").status_code == 200
    assert "Anderbedrijf" in client.get("/o/acme/verzekerden/").content.decode()
    # Either side ends it; then it is gone again.
    client.post(f"/o/acme/gekoppelde-contracten/{link.pk}/ontkoppelen/")
    assert client.get(f"/o/acme/verzekerden/{person.pk}/").status_code == 404


def test_asking_is_limited_per_hour(world: World, client, english: None) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users["insurance"])
    for _ in range(10):
        client.post("/o/acme/gekoppelde-contracten/", {"customer_number": "1", "collectivity_number": "2"})
    refused = client.post(
        "/o/acme/gekoppelde-contracten/", {"customer_number": "1", "collectivity_number": "2"}
    )
    assert refused.status_code == 200 and "Te veel pogingen" in refused.content.decode()
