"""The interventions app's objects in the test world: in both employers a forwarded request with an
appointment and a pending extension, and a request forwarded to another provider."""

import datetime

from django.utils import timezone

from tests.factories import OrganisationFactory
from tests.personas import World
from werkzorg.interventions.models import (
    Appointment,
    ConsentDecision,
    ConsentRecord,
    Extension,
    InterventionRequest,
)
from werkzorg.interventions.tests.factories import InterventionFactory
from werkzorg.organisations.models import OrganisationKind

FULL_ONLY = True  # only the worlds that exercise the workflow (the rights matrix) need these
PLACEHOLDERS = {
    "<int:request_id>": "request",
    "<int:extension_id>": "extension",
    "<int:appointment_id>": "appointment",
    "<int:intervention_id>": "intervention",
}
# The care provider's routes: asked in the provider's own organisation.
PROVIDER_ROUTES = {
    "interventions:worklist",
    "interventions:worklist-detail",
    "interventions:worklist-gecontacteerd",
    "interventions:worklist-afspraak",
    "interventions:worklist-afgerond",
    "interventions:worklist-verlenging",
    "interventions:appointment-aanwezig",
    "interventions:appointment-niet-verschenen",
    "interventions:appointment-annuleren",
    "api:worklist",
}
# For the provider's routes with another tenant's object: the same employer's, sent to another provider.
PROVIDER_PLACEHOLDERS = {
    "<int:request_id>": "provider_other_request",
    "<int:appointment_id>": "provider_other_appointment",
}


def _forwarded(
    world: World, org: object, provider: object, requester: object, token: str
) -> InterventionRequest:
    """A planned request the employee consented to (so its provider may see the contact data)."""
    request = InterventionRequest.objects.create(
        number=f"IV-{token}",
        organisation=org,
        collectivity=org.collectivities.first(),  # type: ignore[attr-defined]
        intervention=world.objects["intervention"],
        provider=provider,
        category="mental",
        requested_by=requester,
        status="planned",
        consent_due_at=timezone.now(),
        forwarded_at=timezone.now(),
        submit_token=f"w-{token}",
    )
    ConsentRecord.objects.create(
        request=request, decision=ConsentDecision.GRANTED, text_version="t", scope="s"
    )
    return request


def extend(world: World) -> None:
    world.objects["intervention"] = InterventionFactory(title="Coaching", providers=[world.provider_org])
    in_a_week = timezone.now() + datetime.timedelta(days=7)
    for key, org, requester in (
        ("", world.org, world.users["requester"]),
        ("other_", world.other_org, world.users["other_superuser"]),
    ):
        request = _forwarded(world, org, world.provider_org, requester, org.slug)
        world.objects[f"{key}request"] = request
        world.objects[f"{key}appointment"] = Appointment.objects.create(
            request=request, starts_at=in_a_week, created_by=requester
        )
        world.objects[f"{key}extension"] = Extension.objects.create(
            request=request, reason="r", extra_sessions=1, requested_by=requester
        )
    elsewhere = OrganisationFactory(slug="care2", name="Care Two", kind=OrganisationKind.PROVIDER)
    world.objects["intervention"].providers.add(elsewhere)  # type: ignore[attr-defined]
    foreign = _forwarded(world, world.org, elsewhere, world.users["requester"], "care2")
    world.objects["provider_other_request"] = foreign
    world.objects["provider_other_appointment"] = Appointment.objects.create(
        request=foreign, starts_at=in_a_week, created_by=world.users["requester"]
    )
