"""Every URL of the project for every persona; the expected outcome comes from the access policy.

A URL that this matrix cannot classify fails the suite, so no new page can go untested.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.http import Http404
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from werkzorg.access import resolve_actor

from .personas import ALL_PERSONAS, World

# Views that only accept POST: a GET by someone allowed is a 405.
POST_ONLY = {
    "organisations:switch",
    "organisations:remove",
    "accounts:invitation-resend",
    "accounts:invitation-revoke",
    "organisations:physician-authorise",
    "organisations:physician-revoke",
    "accounts:session-keepalive",
    "interventions:cancel",
    "interventions:extension-approve",
    "interventions:extension-reject",
    "interventions:worklist-gecontacteerd",
    "interventions:worklist-afspraak",
    "interventions:worklist-afgerond",
    "interventions:worklist-verlenging",
    "interventions:appointment-aanwezig",
    "interventions:appointment-niet-verschenen",
    "interventions:appointment-annuleren",
}

# django-allauth's own pages that need a signed-in user; its other pages are public. allauth's own
# tests cover its flows; here: anonymous people are sent to sign in, signed-in people are never refused.
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
SIGNED_IN_OK = {200, 302, 404, 405}


def walk(
    patterns: list[Any], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, Any, dict[str, Any]]]:
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
            yield prefix + str(entry.pattern), name, entry.callback, entry.default_args


# Query strings a page needs to show itself rather than redirect.
QUERIES = {"interventions:create": "?interventie={intervention}"}


def fill(route: str, world: World, *, other: bool = False, provider: bool = False) -> str:
    """The route with real ids: the persona's organisation, or (other=True) another tenant's objects."""
    if provider:
        route = route.replace("<int:request_id>", str(world.objects["provider_other_request"].pk))  # type: ignore[attr-defined]
        route = route.replace("<int:appointment_id>", str(world.objects["provider_other_appointment"].pk))  # type: ignore[attr-defined]
        route = route.replace("<slug:org>", world.provider_org.slug)
    values = {
        "<slug:org>": world.org.slug,
        "<int:membership_id>": str(world.objects["other_membership" if other else "membership"].pk),  # type: ignore[attr-defined]
        "<int:employee_id>": str(world.objects["other_employee" if other else "employee"].pk),  # type: ignore[attr-defined]
        "<int:pk>": str(world.objects["other_employee" if other else "employee"].pk),  # type: ignore[attr-defined]
        "<uuid:invitation_id>": str(world.objects["other_invitation" if other else "invitation"].pk),  # type: ignore[attr-defined]
        "<int:authorisation_id>": str(world.objects["other_authorisation" if other else "authorisation"].pk),  # type: ignore[attr-defined]
        "<int:request_id>": str(world.objects["other_request" if other else "request"].pk),  # type: ignore[attr-defined]
        "<int:extension_id>": str(world.objects["other_extension" if other else "extension"].pk),  # type: ignore[attr-defined]
        "<int:appointment_id>": str(world.objects["other_appointment" if other else "appointment"].pk),  # type: ignore[attr-defined]
        "<int:intervention_id>": str(world.objects["intervention"].pk),  # type: ignore[attr-defined]
        "<str:token>": "not-a-valid-token",
    }
    for placeholder, value in values.items():
        route = route.replace(placeholder, value)
    route = route.replace("(?P<app_label>", "(?P<app_label>accounts|")
    route = re.sub(
        r"\(\?P<\w+>([\w-]+)?[^)]*\)", lambda m: m.group(1) or "x-x", route
    )  # regex keys: a bad key
    if route.startswith("desk/"):
        # Any object id: the desk gets the object or "not found", everyone else the admin login.
        route = re.sub(r"<[^>]+>", "00000000-0000-0000-0000-000000000001", route)
    return "/" + route.replace("^", "").replace("$", "").replace("\\Z", "")


def login(client: Client, user: Any) -> None:
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


def standing_perms(world: World, user: Any) -> frozenset[str] | None:
    """The perms the persona holds in the world's organisation, or None without standing there."""
    if user is None:
        return None
    try:
        return resolve_actor(user, world.org.slug).perms  # type: ignore[return-value]
    except Http404:
        return None


def row_visible(world: World, persona: str, name: str, perms: frozenset[str]) -> bool:
    """Row-level rules on top of the perm: a requester sees only their own requests."""
    if name in {
        "interventions:detail",
        "interventions:cancel",
        "interventions:extension-approve",
        "interventions:extension-reject",
    }:
        return "view_all_interventions" in perms or persona == "requester"
    return True


def expected_status(world: World, persona: str, name: str, access: dict[str, Any]) -> set[int]:
    user = world.users[persona]
    kind = access["kind"]
    if kind == "public":
        return {200, 302, 404, 410}
    if user is None:
        return {302}
    if kind == "user":
        return {405} if name in POST_ONLY else {200, 302}
    perms = standing_perms(world, user)
    if perms is None:
        return {404}
    if access["perm"] not in perms:
        return {403}
    if name in POST_ONLY:
        return {405}
    if not row_visible(world, persona, name, perms):
        return {404}
    return {200}


def all_routes() -> list[tuple[str, str, Any, dict[str, Any]]]:
    return list(walk(get_resolver().url_patterns))


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_it_gives_every_persona_the_policy_outcome_on_every_url(full_world: World, persona: str) -> None:
    world = full_world
    client = Client()
    login(client, world.users[persona])
    unclassified: list[str] = []
    wrong: list[str] = []
    for route, name, callback, default_args in all_routes():
        path = fill(route, world)
        if "<" in path or "(?P" in path:
            unclassified.append(f"{route} ({name}): unknown URL parameter")
            continue
        access = getattr(callback, "access", None)
        view_class = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
        if access is not None:
            expected = expected_status(world, persona, name, access)
        elif view_class is not None and hasattr(view_class, "required_perm"):
            expected = expected_status(
                world, persona, name, {"kind": "org", "perm": view_class.required_perm}
            )
            expected = {403 if s == 302 else s for s in expected}  # the API answers 403, not a login redirect
            if expected == {404} and persona == "anonymous":
                expected = {403}
        elif name.startswith("api:") or name == "api-schema":
            expected = {403} if world.users[persona] is None else {200}
        elif name.startswith("admin:") or (not name and route.startswith("desk/")):
            if persona == "desk":
                expected = {200, 302, 404, 405, 403}  # 403: read-only models such as the audit log
            else:
                expected = {200} if name == "admin:login" else {302}
        elif name.startswith(ALLAUTH_PREFIXES):
            if world.users[persona] is not None:
                expected = SIGNED_IN_OK
            elif name in ALLAUTH_USER_PAGES:
                expected = {302}
            else:
                expected = {200, 302, 404, 405}
        elif name == "set_language":
            expected = {302}
        else:
            unclassified.append(f"{route} ({name})")
            continue
        response = client.get(
            path + QUERIES.get(name, "").format(intervention=world.objects["intervention"].pk)
        )  # type: ignore[attr-defined]
        if response.status_code == 302 and response.get("Location", "").startswith("/accounts/2fa/"):
            continue  # allauth stages
        if response.status_code not in expected:
            wrong.append(f"{persona} GET {path} ({name}): {response.status_code} not in {sorted(expected)}")
    assert not unclassified, "URLs missing from the rights matrix:\n" + "\n".join(unclassified)
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("route_name", "route"),
    [
        (name, route)
        for route, name, callback, _ in all_routes()
        if getattr(callback, "access", {}).get("kind") == "org" and "_id>" in route
    ],
)
def test_it_answers_404_for_another_organisations_object(
    full_world: World, route_name: str, route: str
) -> None:
    world = full_world
    callback = next(c for r, n, c, _ in all_routes() if n == route_name)
    provider_route = callback.access["perm"] == "provider_work"
    client = Client()
    login(client, world.users["provider" if provider_route else "superuser"])
    path = fill(route, world, other=True, provider=provider_route)
    response = client.get(path)
    assert response.status_code in {404, 405}, route_name
    if route_name not in POST_ONLY:
        assert response.status_code == 404
    else:
        response = client.post(path)
        assert response.status_code == 404, route_name
