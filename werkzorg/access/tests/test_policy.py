"""What each persona may do in Acme, written out by hand from docs/domain.md ("Rights"); the policy must agree."""

from __future__ import annotations

import pytest

from tests.personas import ALL_PERSONAS, World
from werkzorg.access import Perm, desk_actor, resolve_actor
from werkzorg.core.errors import NotFound

EVERY_ROLE = {
    "insurance",
    "view_inbox",
    "view_employees",
    "pick_employees",
    "manage_employees",
    "declare_invoices",
    "request_interventions",
    "view_interventions",
    "manage_interventions",
    "reports",
    "view_dashboard",
    "absence",
    "view_absence",
}
USER_MANAGEMENT = {"view_users", "invite_users", "assign_permissions", "assign_roles"}
MAIN_ACCOUNT_HOLDER = {
    "authorise_physicians",
    "accept_terms",
    "view_audit_log",
    "view_all_interventions",
    "manage_api_clients",
    "confirm_contract_links",
    # The quarterly collective statements (seed: the main account holder "als enige gebruiker").
    "billing_statements",
}

# Persona -> the perms they hold in Acme; None: no standing there (a 404 on every page of Acme).
STATED: dict[str, set[str] | None] = {
    "anonymous": None,
    # Acme's superuser holds every permission and role (as the demo's main account holder does).
    "superuser": {"view_organisation", *USER_MANAGEMENT, *MAIN_ACCOUNT_HOLDER, *EVERY_ROLE},
    # The inbox holds the premium statements, invoices and reminders: the insurance role reads it.
    "insurance": {
        "view_organisation",
        "insurance",
        "view_inbox",
        "view_employees",
        "pick_employees",
        "manage_employees",
    },
    "invoices": {"view_organisation", "declare_invoices"},
    "requester": {
        "view_organisation",
        "request_interventions",
        "view_interventions",
        "manage_interventions",
        "pick_employees",
    },
    "reports": {"view_organisation", "reports", "view_dashboard"},
    "absence": {
        "view_organisation",
        "absence",
        "view_absence",
        "view_employees",
        "pick_employees",
        "manage_employees",
    },
    "user_manager": {
        "view_organisation",
        "view_users",
        "invite_users",
        "assign_roles",
        "request_interventions",
        "view_interventions",
        "manage_interventions",
        "pick_employees",
    },
    "other_superuser": None,
    "provider": None,
    "physician": {
        "view_organisation",
        "request_interventions",
        "view_interventions",
        "manage_interventions",
        "pick_employees",
        "view_absence",
        "medical_data",
    },
    "desk": None,
}
# In its own organisation the care provider's superuser does provider work and manages its users.
PROVIDER_IN_OWN_ORGANISATION = {
    "view_organisation",
    "provider_work",
    *USER_MANAGEMENT,
    "accept_terms",
    "view_audit_log",
    "manage_api_clients",
}
DESK = {
    "desk_organisations",
    "desk_users",
    "desk_catalogue",
    "desk_practitioners",
    "desk_terms",
    "desk_insurance",
    "desk_billing",
    "desk_employees",
    "desk_audit_log",
}


def perms_in(world: World, persona: str, slug: str) -> set[str] | None:
    user = world.users[persona]
    if user is None:
        return None
    try:
        return {str(p) for p in resolve_actor(user, slug).perms}
    except NotFound:
        return None


def test_the_stated_table_names_every_persona() -> None:
    assert set(STATED) == set(ALL_PERSONAS)


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_each_persona_holds_exactly_the_stated_perms(world: World, persona: str) -> None:
    assert perms_in(world, persona, "acme") == STATED[persona]


def test_the_provider_holds_provider_work_in_its_own_organisation_only(world: World) -> None:
    assert perms_in(world, "provider", "care") == PROVIDER_IN_OWN_ORGANISATION
    assert perms_in(world, "superuser", "care") is None


def test_the_desk_holds_desk_perms_and_nothing_in_an_organisation(world: World) -> None:
    assert {str(p) for p in desk_actor(world.users["desk"]).perms} == DESK
    for persona in ALL_PERSONAS:
        if persona != "desk" and world.users[persona] is not None:
            assert desk_actor(world.users[persona]).perms == frozenset(), persona


def test_medical_data_is_held_by_the_authorised_physician_and_nobody_else(world: World) -> None:
    holders = {p for p in ALL_PERSONAS if "medical_data" in (perms_in(world, p, "acme") or set())}
    assert holders == {"physician"}
    for persona in ALL_PERSONAS:
        user = world.users[persona]
        if user is not None:
            assert Perm.MEDICAL_DATA not in desk_actor(user).perms, persona
    assert world.users["desk"].is_superuser  # type: ignore[union-attr]  # the Django flag adds nothing


def test_a_revoked_physician_loses_standing_and_medical_data(world: World) -> None:
    from django.utils import timezone

    from werkzorg.organisations.models import PhysicianAuthorisation

    PhysicianAuthorisation.objects.filter(organisation=world.org).update(revoked_at=timezone.now())
    assert perms_in(world, "physician", "acme") is None


# A machine client holds what its roles give and nothing else: no user management, nothing of the main
# account holder's, never medical data; in a provider's organisation, provider work.
CLIENT_WITH_EVERY_ROLE = {"view_organisation", *EVERY_ROLE}
CLIENT_WITH_REPORTS = {"view_organisation", "reports", "view_dashboard"}
PROVIDER_CLIENT = {"view_organisation", "provider_work"}


def client_perms(organisation: object, **roles: bool) -> set[str]:
    from werkzorg.access import Actor

    class Client:
        pk = 1
        role_insurance = role_declare_invoices = role_request_interventions = False
        role_reports = role_absence = False
        can_invite_users = can_assign_permissions = can_assign_roles = True  # ignored for a client

    client = Client()
    for name, value in roles.items():
        setattr(client, name, value)
    return {str(p) for p in Actor(user=None, organisation=organisation, api_client=client).perms}  # type: ignore[arg-type]


def test_a_client_holds_exactly_what_its_roles_give(world: World) -> None:
    every = dict.fromkeys(
        [
            "role_insurance",
            "role_declare_invoices",
            "role_request_interventions",
            "role_reports",
            "role_absence",
        ],
        True,
    )
    assert client_perms(world.org, **every) == CLIENT_WITH_EVERY_ROLE
    assert client_perms(world.org, role_reports=True) == CLIENT_WITH_REPORTS
    assert client_perms(world.provider_org, **every) == PROVIDER_CLIENT
    assert "medical_data" not in client_perms(world.org, **every)
