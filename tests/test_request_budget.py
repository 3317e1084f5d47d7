"""A signed-in page costs little: at most 5 statements before its own data, and no write on a plain GET."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.personas import World
from tests.queries import frozen_activity_clock

WRITES = ("INSERT", "UPDATE", "DELETE", "SAVEPOINT")
# Page -> its own queries (written out from the view): what it costs beyond the signed-in request.
PAGES = {
    "/account/": 0,  # the organisations for the switcher come from the cache
    "/o/acme/": 1,  # the collectivities
}


def statements(client: Client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in captured.captured_queries]


@pytest.mark.parametrize(("url", "own"), PAGES.items())
def test_a_signed_in_page_costs_at_most_five_statements_and_writes_nothing(
    world: World, url: str, own: int
) -> None:
    client = Client()
    client.force_login(world.users["superuser"])  # type: ignore[arg-type]
    with frozen_activity_clock():
        client.get(
            url
        )  # the first request of a session stamps it; a plain page view afterwards writes nothing
        sql = statements(client, url)
    assert not [s for s in sql if s.lstrip().upper().startswith(WRITES)], sql
    assert len(sql) - own <= 5, sql


def test_an_organisations_page_reads_the_user_with_their_standing_in_one_statement(world: World) -> None:
    client = Client()
    client.force_login(world.users["superuser"])  # type: ignore[arg-type]
    client.get("/o/acme/")
    sql = statements(client, "/o/acme/")
    # The session; the user with their membership and organisation; the page's collectivities.
    assert len(sql) == 3, sql
    assert "accounts_user" in sql[1] and "organisations_membership" in sql[1], sql
    assert "organisations_collectivity" in sql[2], sql


def test_the_second_factor_is_checked_once_per_session(world: World) -> None:
    client = Client()
    client.force_login(world.users["superuser"])  # type: ignore[arg-type]
    client.get("/account/")
    assert not [s for s in statements(client, "/account/") if "mfa_authenticator" in s]
