"""Every URL of the project, for every persona, GET and POST, against the outcomes the apps state by hand
in `<app>/tests/rights.py` (format in tests/rights.py). Nothing here asks the access policy what to expect.

A URL missing from the tables fails the suite, so no new page can go untested.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import import_module
from typing import Any

import pytest
from django.db import DEFAULT_DB_ALIAS, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from werkzorg.access.middleware import ORGANISATION_PATH
from werkzorg.core.plugins import portal_apps

from .personas import ALL_PERSONAS, World, world_modules
from .rights import parse

# django-allauth's own pages: its tests cover its flows; here anonymous people are sent to sign in
# for the pages that need a user, and signed-in people are never refused.
ALLAUTH_USER_PAGES = {
    "account_email",
    "account_change_password",
    "account_set_password",
    "account_reauthenticate",
    "account_change_phone",
    "mfa_index",
    "mfa_activate_totp",
    "mfa_deactivate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "mfa_list_webauthn",
    "mfa_add_webauthn",
    "mfa_reauthenticate",
    "mfa_reauthenticate_webauthn",
    "usersessions_list",
    "account_logout",
}
ALLAUTH_PREFIXES = ("account_", "mfa_", "usersessions_")
# Query strings a page needs to show itself rather than redirect.
QUERIES = {"interventions:create": "?interventie={intervention}"}


def walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str, Any]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = (
                f"{namespace}:{entry.namespace}"
                if namespace and entry.namespace
                else (entry.namespace or namespace)
            )
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else (entry.name or "")
            yield prefix + str(entry.pattern), name, entry.callback


def all_routes() -> list[tuple[str, str, Any]]:
    return list(walk(get_resolver().url_patterns))


def expected_outcomes() -> dict[tuple[str, str], dict[str, int]]:
    table: dict[tuple[str, str], dict[str, int]] = {}
    for app in portal_apps():
        try:
            module = import_module(f"{app.name}.tests.rights")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app.name}.tests.rights":
                raise
            continue
        rows = parse(module.RIGHTS)
        overlap = set(rows) & set(table)
        assert not overlap, f"rows stated by two apps: {overlap}"
        table.update(rows)
    return table


def placeholders(*, provider: bool = False) -> dict[str, str]:
    found: dict[str, str] = {}
    for module in world_modules():
        found.update(getattr(module, "PLACEHOLDERS", {}))
    if provider:
        for module in world_modules():
            found.update(getattr(module, "PROVIDER_PLACEHOLDERS", {}))
    return found


def provider_routes() -> set[str]:
    return {name for module in world_modules() for name in getattr(module, "PROVIDER_ROUTES", ())}


def fill(route: str, world: World, *, provider: bool = False, other: bool = False) -> str:
    """The route with real ids: Acme's objects (the provider's org for its routes), or another tenant's."""
    path = route.replace("<slug:org>", world.provider_org.slug if provider else world.org.slug)
    for placeholder, key in placeholders(provider=provider and other).items():
        if placeholder in path:
            name = key if provider or not other else f"other_{key}"
            obj = world.objects.get(name, world.objects.get(key))
            path = path.replace(placeholder, str(obj.pk))  # type: ignore[union-attr]
    path = path.replace("<str:token>", "not-a-valid-token")
    path = path.replace("(?P<app_label>", "(?P<app_label>accounts|")
    path = re.sub(r"\(\?P<\w+>([\w-]+)?[^)]*\)", lambda m: m.group(1) or "x-x", path)
    if path.startswith("desk/"):
        path = re.sub(r"<[^>]+>", "00000000-0000-0000-0000-000000000001", path)
    return "/" + path.replace("^", "").replace("$", "").replace("\\Z", "")


def is_own(name: str, route: str) -> bool:
    """Our views (stated in the tables) as against allauth's, the admin's and Django's own."""
    return not (route.startswith("desk/") or name.startswith(ALLAUTH_PREFIXES) or name == "set_language")


def generic_outcomes(name: str, route: str, signed_in: bool, persona: str) -> set[int]:
    if route.startswith("desk/"):
        if persona == "desk":
            return {200, 302, 403, 404, 405}  # 403: read-only models such as the audit log
        return {302}  # to the sign-in (the desk's own login page only forwards to it)
    if name == "set_language":
        return {302}
    if signed_in:
        return {200, 302, 404, 405}
    return {302} if name in ALLAUTH_USER_PAGES else {200, 302, 404, 405}


def request_once(client: Client, method: str, path: str) -> int:
    """One request whose writes are rolled back, so every cell of the matrix starts from the same world."""
    atomic = transaction.Atomic(DEFAULT_DB_ALIAS, savepoint=True, durable=False)
    atomic._from_testcase = True  # like TestCase's own block: the services' durable blocks may run inside
    with atomic:
        response = client.get(path) if method == "GET" else client.post(path)
        transaction.set_rollback(True)
    return response.status_code


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_it_gives_every_persona_the_stated_outcome_on_every_url(full_world: World, persona: str) -> None:
    world = full_world
    client = Client()
    user = world.users[persona]
    if user is not None:
        client.force_login(user)  # the project's backend, as a sign-in through allauth
    table = expected_outcomes()
    missing: list[str] = []
    wrong: list[str] = []
    seen: set[tuple[str, str]] = set()
    intervention = world.objects["intervention"].pk  # type: ignore[attr-defined]
    on_provider_side = provider_routes()
    for route, name, _callback in all_routes():
        path = fill(route, world, provider=name in on_provider_side) + QUERIES.get(name, "").format(
            intervention=intervention
        )
        if "<" in path:
            missing.append(f"{route} ({name}): unknown URL parameter")
            continue
        for method in ("GET", "POST"):
            if is_own(name, route):
                if (name, method) not in table:
                    missing.append(f"{name} {method} ({route})")
                    continue
                seen.add((name, method))
                allowed = {table[(name, method)][persona]}
            else:
                if method == "POST":
                    continue  # allauth's and the admin's own forms are theirs to test
                allowed = generic_outcomes(name, route, user is not None, persona)
            status = request_once(client, method, path)
            if status not in allowed:
                wrong.append(f"{persona:>15} {method:4} {path} ({name}): {status}, stated {sorted(allowed)}")
    stale = sorted(f"{n} {m}" for n, m in set(table) - seen)
    assert not missing, "URLs missing from the rights tables:\n" + "\n".join(missing)
    assert not stale, "Rows for URLs that no longer exist:\n" + "\n".join(stale)
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("route_name", "route"),
    [
        (name, route)
        for route, name, callback in all_routes()
        if "_id>" in route and getattr(callback, "access", {}).get("kind") == "org"
    ],
)
def test_it_answers_404_for_another_organisations_object(
    full_world: World, route_name: str, route: str
) -> None:
    """With every right the route asks, another tenant's object (or another provider's) is a 404, GET and POST."""
    world = full_world
    provider_route = route_name in provider_routes()
    # Medical routes: only the physician holds what they ask (no superuser does).
    medical = (
        next(callback for r, n, callback in all_routes() if n == route_name).access["perm"] == "medical_data"
    )
    persona = "provider" if provider_route else "physician" if medical else "superuser"
    client = Client()
    client.force_login(world.users[persona])  # type: ignore[arg-type]
    path = fill(route, world, other=True, provider=provider_route)
    assert request_once(client, "GET", path) in {404, 405}, route_name
    assert request_once(client, "POST", path) == 404, route_name


def test_every_organisations_page_lies_under_its_slug() -> None:
    """The signed-in user is read with their standing for paths /o/<slug>/ (werkzorg.access.middleware)."""
    org_routes = [
        (route, name)
        for route, name, callback in all_routes()
        if getattr(callback, "access", {}).get("kind") == "org"
    ]
    assert len(org_routes) > 100
    assert [(route, name) for route, name in org_routes if not route.startswith("o/<slug:org>/")] == []
    assert ORGANISATION_PATH.match("/o/acme-2_b/medewerkers/")["slug"] == "acme-2_b"  # type: ignore[index]
    assert ORGANISATION_PATH.match("/organisaties/wissel/") is None
