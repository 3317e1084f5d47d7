"""The organisation's home page lists its own collectivities, never another employer's."""

from __future__ import annotations

from django.test import Client

from tests.personas import World


def test_the_home_page_lists_the_organisations_collectivities(world: World) -> None:
    client = Client()
    client.force_login(world.users["superuser"])  # type: ignore[arg-type]
    page = client.get("/o/acme/").content.decode()
    # Name, customer number and collectivity number of Acme's one collectivity (tests/world.py).
    assert '<td class="utrecht-table__cell">Acme B.V. collectief</td>' in page
    assert '<td class="utrecht-table__cell">1</td><td class="utrecht-table__cell">1</td>' in page
    assert "Globex collectief" not in page
