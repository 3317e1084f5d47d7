"""Named personas in two employers, a provider and the desk; every test world is built the same way.

The personas are the project's; each app adds the objects its URLs point at in `<app>/tests/world.py`
(`extend(world)`, and `PLACEHOLDERS` naming which object fills which URL parameter), so a new app
edits no file here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from types import ModuleType

from werkzorg.accounts.models import User
from werkzorg.core.plugins import portal_apps
from werkzorg.organisations.models import Organisation, OrganisationKind, PhysicianAuthorisation

from .factories import MembershipFactory, OrganisationFactory, PractitionerFactory, UserFactory

ROLE_PERSONAS = {
    "insurance": ("role_insurance",),
    "invoices": ("role_declare_invoices",),
    "requester": ("role_request_interventions",),
    "reports": ("role_reports",),
    "absence": ("role_absence",),
    "user_manager": ("can_invite_users", "can_assign_roles", "role_request_interventions"),
}

ALL_PERSONAS = [
    "anonymous",
    "superuser",
    *ROLE_PERSONAS,
    "other_superuser",
    "provider",
    "physician",
    "desk",
]


@dataclass
class World:
    org: Organisation
    other_org: Organisation
    provider_org: Organisation
    users: dict[str, User | None] = field(default_factory=dict)
    objects: dict[str, object] = field(default_factory=dict)


def world_modules() -> list[ModuleType]:
    """Each app's tests/world.py, lowest layer first."""
    found = []
    for app in portal_apps():
        try:
            found.append(import_module(f"{app.name}.tests.world"))
        except ModuleNotFoundError as exc:
            if exc.name not in {f"{app.name}.tests", f"{app.name}.tests.world"}:
                raise
    return found


def build_world(*, full: bool = False) -> World:
    """Two employers (the second is the outsider), a care provider, every persona; `full` adds workflow objects."""
    org = OrganisationFactory(slug="acme", name="Acme B.V.", email_domains="acme.nl")
    other = OrganisationFactory(slug="globex", name="Globex", email_domains="globex.nl")
    provider = OrganisationFactory(slug="care", name="Care Provider", kind=OrganisationKind.PROVIDER)
    world = World(org=org, other_org=other, provider_org=provider)
    world.users["anonymous"] = None
    world.users["superuser"] = MembershipFactory(
        organisation=org, superuser=True, user__email="main@acme.nl"
    ).user
    for name, grants in ROLE_PERSONAS.items():
        world.users[name] = MembershipFactory(
            organisation=org, user__email=f"{name}@acme.nl", **{g: True for g in grants}
        ).user
    world.users["other_superuser"] = MembershipFactory(
        organisation=other, superuser=True, user__email="main@globex.nl"
    ).user
    world.users["provider"] = MembershipFactory(
        organisation=provider, superuser=True, user__email="staff@care.nl"
    ).user
    physician = UserFactory(email="doctor@arbo.nl")
    practitioner = PractitionerFactory(user=physician, agb_code="12345678")
    PhysicianAuthorisation.objects.create(
        organisation=org, practitioner=practitioner, authorised_by=world.users["superuser"]
    )
    world.objects["practitioner"] = practitioner
    world.users["physician"] = physician
    # The desk is staff and (like an operator's admin account often is) a Django superuser too:
    # neither flag may give it standing in an organisation or medical data.
    world.users["desk"] = UserFactory(
        email="desk@operator.nl",
        is_staff=True,
        is_superuser=True,
        desk_support=True,
        desk_catalogue=True,
        desk_contracts=True,
    )
    for module in world_modules():
        if full or not getattr(module, "FULL_ONLY", False):
            module.extend(world)
    return world
