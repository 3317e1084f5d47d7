from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.core import mail

from tests.factories import MembershipFactory, OrganisationFactory
from tests.personas import World
from werkzorg.access import Actor, resolve_actor
from werkzorg.interventions import services
from werkzorg.interventions.models import Intervention, InterventionRequest
from werkzorg.interventions.tests.factories import InterventionFactory
from werkzorg.organisations.models import OrganisationKind


@dataclass
class Flow:
    world: World
    intervention: Intervention
    requester: Actor
    superuser: Actor
    provider: Actor
    other_provider: Actor

    def submit(
        self,
        *,
        token: str = "t1",
        name: str = "Kees Zonnebloem",
        email: str = "kees.z@privemail.nl",
        phone: str = "+31687654321",
        actor: Actor | None = None,
    ) -> InterventionRequest:
        return services.submit_request(
            actor=actor or self.requester,
            intervention=self.intervention,
            collectivity=self.world.org.collectivities.first(),
            provider=self.provider.organisation,  # type: ignore[arg-type]
            employee=None,
            name=name,
            email=email,
            phone=phone,
            note="Liefst na 16 uur",
            submit_token=token,
        )


def link_token(body: str, prefix: str) -> str:
    match = re.search(rf"/{prefix}/([^/\s]+)/", body)
    assert match, body
    return match.group(1)


def last_mail_to(address: str) -> Any:
    return [m for m in mail.outbox if address in m.to][-1]


@pytest.fixture
def flow(world: World, english: None) -> Flow:
    other = OrganisationFactory(slug="otherprovider", kind=OrganisationKind.PROVIDER, name="Other Provider")
    other_user = MembershipFactory(organisation=other, superuser=True, user__email="staff@other.nl").user
    intervention = InterventionFactory(title="Coaching bij stress", providers=[world.provider_org, other])
    return Flow(
        world=world,
        intervention=intervention,
        requester=resolve_actor(world.users["requester"], world.org.slug),  # type: ignore[arg-type]
        superuser=resolve_actor(world.users["superuser"], world.org.slug),  # type: ignore[arg-type]
        provider=resolve_actor(world.users["provider"], world.provider_org.slug),  # type: ignore[arg-type]
        other_provider=resolve_actor(other_user, other.slug),
    )
