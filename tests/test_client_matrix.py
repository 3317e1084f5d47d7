"""Every API route for every kind of machine client, GET and POST, against the outcomes the apps state
by hand in `CLIENT_RIGHTS` of `<app>/tests/rights.py`. Nothing here asks the access policy.

Columns: clients of Acme holding one role each (ins, req, rep, abs) or none, a client of Globex with
every role (oth), a client of the care provider (prv), an operator-wide client of the desk serving Acme
with every role (opr). A POST sends an empty JSON object.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

import pytest
from django.test import Client

from werkzorg.core.plugins import portal_apps
from werkzorg.integrations.tests.factories import EVERY_ROLE, make_client
from werkzorg.integrations.tests.test_clients import bearer

from .personas import World
from .test_rights_matrix import all_routes, fill, provider_routes, request_once

CLIENT_COLUMNS = ("ins", "req", "rep", "abs", "none", "oth", "prv", "opr")


def operator_client(world: World) -> Any:
    client = make_client(None, world.users["desk"], name="Verzuimverzekeraar", **EVERY_ROLE)
    client.served.set([world.org])
    return client


def stated() -> dict[tuple[str, str], dict[str, int]]:
    table: dict[tuple[str, str], dict[str, int]] = {}
    for app in portal_apps():
        try:
            module = import_module(f"{app.name}.tests.rights")
        except ModuleNotFoundError:
            continue
        for line in getattr(module, "CLIENT_RIGHTS", "").strip().splitlines():
            cells = line.split()
            if not cells or cells[0] in {"url", "#"}:
                continue
            name, method, *codes = cells
            assert len(codes) == len(CLIENT_COLUMNS), line
            table[(name, method)] = dict(zip(CLIENT_COLUMNS, map(int, codes), strict=True))
    return table


def api_routes() -> list[tuple[str, str]]:
    return [
        (route, name) for route, name, _cb in all_routes() if name.startswith("api:") or name == "api-schema"
    ]


@pytest.mark.parametrize("column", CLIENT_COLUMNS)
def test_every_client_gets_the_stated_outcome_on_every_api_route(full_world: World, column: str) -> None:
    world = full_world
    superuser = world.users["superuser"]
    client = {
        "ins": lambda: make_client(world.org, superuser, role_insurance=True),
        "req": lambda: make_client(world.org, superuser, role_request_interventions=True),
        "rep": lambda: make_client(world.org, superuser, role_reports=True),
        "abs": lambda: make_client(world.org, superuser, role_absence=True),
        "none": lambda: make_client(world.org, superuser),
        "oth": lambda: make_client(world.other_org, world.users["other_superuser"], **EVERY_ROLE),
        "prv": lambda: make_client(world.provider_org, world.users["provider"], **EVERY_ROLE),
        "opr": lambda: operator_client(world),
    }[column]()
    api = Client(**bearer(client))
    table = stated()
    missing, wrong = [], []
    on_provider_side = provider_routes()
    for route, name in api_routes():
        path = fill(route, world, provider=name in on_provider_side)
        for method in ("GET", "POST"):
            if (name, method) not in table:
                missing.append(f"{name} {method}")
                continue
            status = request_once(api, method, path)
            if status != table[(name, method)][column]:
                wrong.append(
                    f"{column:>5} {method:4} {path} ({name}): {status}, stated {table[(name, method)][column]}"
                )
    assert not missing, "API routes missing from CLIENT_RIGHTS:\n" + "\n".join(missing)
    assert not wrong, "\n".join(wrong)
