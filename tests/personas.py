"""Named personas in two employers, a provider and the desk; every test world is built the same way."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from werkzorg.accounts.models import Invitation, User
from werkzorg.organisations.models import (
    Collectivity,
    Organisation,
    OrganisationKind,
    PhysicianAuthorisation,
)

from .factories import (
    EmployeeFactory,
    InterventionFactory,
    MembershipFactory,
    OrganisationFactory,
    PractitionerFactory,
    UserFactory,
)

ROLE_PERSONAS = {
    "insurance": ("role_insurance",),
    "invoices": ("role_declare_invoices",),
    "requester": ("role_request_interventions",),
    "reports": ("role_reports",),
    "absence": ("role_absence",),
    "user_manager": ("can_invite_users", "can_assign_roles", "role_request_interventions"),
}


@dataclass
class World:
    org: Organisation
    other_org: Organisation
    provider_org: Organisation
    users: dict[str, User | None] = field(default_factory=dict)
    objects: dict[str, object] = field(default_factory=dict)


def build_world(*, with_interventions: bool = False) -> World:
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
    world.users["physician"] = physician
    world.users["desk"] = UserFactory(email="desk@operator.nl", is_staff=True, is_superuser=True)
    # Objects a URL can point at, in the persona's own organisation and in the other one.
    world.objects["employee"] = EmployeeFactory(organisation=org)
    world.objects["other_employee"] = EmployeeFactory(organisation=other)
    world.objects["membership"] = org.memberships.get(user=world.users["requester"])
    world.objects["other_membership"] = other.memberships.first()
    world.objects["authorisation"] = PhysicianAuthorisation.objects.get(organisation=org)
    world.objects["invitation"] = Invitation.objects.create(
        organisation=org,
        email="new@acme.nl",
        phone="+31611111111",
        full_name="New Person",
        expires_at=timezone.now() + datetime.timedelta(days=7),
        invited_by=world.users["superuser"],
    )
    world.objects["other_invitation"] = Invitation.objects.create(
        organisation=other,
        email="new@globex.nl",
        phone="+31611111112",
        full_name="Other Person",
        expires_at=timezone.now() + datetime.timedelta(days=7),
        invited_by=world.users["other_superuser"],
    )
    world.objects["other_authorisation"] = PhysicianAuthorisation.objects.create(
        organisation=other, practitioner=practitioner, authorised_by=world.users["other_superuser"]
    )
    Collectivity.objects.create(
        organisation=org, customer_number="1", collectivity_number="1", name="Acme collectief"
    )
    Collectivity.objects.create(
        organisation=other, customer_number="2", collectivity_number="1", name="Globex collectief"
    )
    if with_interventions:
        add_intervention_objects(world)
    return world


def add_intervention_objects(world: World) -> None:
    """A catalogue item and, in both employers, a forwarded request with an appointment and an extension."""

    from werkzorg.interventions.models import Appointment, Extension, InterventionRequest

    intervention = InterventionFactory(title="Coaching", providers=[world.provider_org])
    world.objects["intervention"] = intervention
    pairs = (
        ("", world.org, world.users["requester"]),
        ("other_", world.other_org, world.users["other_superuser"]),
    )
    for key, org, requester in pairs:
        request = InterventionRequest.objects.create(
            number=f"IV-{org.slug}",
            organisation=org,
            collectivity=org.collectivities.first(),
            intervention=intervention,
            provider=world.provider_org,
            category="mental",
            requested_by=requester,
            status="planned",
            consent_due_at=timezone.now(),
            forwarded_at=timezone.now(),
            submit_token=f"w-{org.slug}",
        )
        world.objects[f"{key}request"] = request
        world.objects[f"{key}appointment"] = Appointment.objects.create(
            request=request, starts_at=timezone.now() + datetime.timedelta(days=7), created_by=requester
        )
        world.objects[f"{key}extension"] = Extension.objects.create(
            request=request, reason="r", extra_sessions=1, requested_by=requester
        )
    # A request forwarded to another provider: the world's provider must never reach it.
    elsewhere = OrganisationFactory(slug="care2", name="Care Two", kind=OrganisationKind.PROVIDER)
    intervention.providers.add(elsewhere)
    foreign = InterventionRequest.objects.create(
        number="IV-care2",
        organisation=world.org,
        collectivity=world.org.collectivities.first(),
        intervention=intervention,
        provider=elsewhere,
        category="mental",
        requested_by=world.users["requester"],
        status="planned",
        consent_due_at=timezone.now(),
        forwarded_at=timezone.now(),
        submit_token="w-care2",
    )
    world.objects["provider_other_request"] = foreign
    world.objects["provider_other_appointment"] = Appointment.objects.create(
        request=foreign,
        starts_at=timezone.now() + datetime.timedelta(days=7),
        created_by=world.users["requester"],
    )


ALL_PERSONAS = [
    "anonymous",
    "superuser",
    *ROLE_PERSONAS,
    "other_superuser",
    "provider",
    "physician",
    "desk",
]
