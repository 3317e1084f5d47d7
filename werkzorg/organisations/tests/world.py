"""The organisations app's objects in the test world: memberships, authorisations, collectivities."""

from tests.personas import World
from werkzorg.organisations.models import Collectivity, PhysicianAuthorisation

PLACEHOLDERS = {"<int:membership_id>": "membership", "<int:authorisation_id>": "authorisation"}


def extend(world: World) -> None:
    world.objects["membership"] = world.org.memberships.get(user=world.users["requester"])
    world.objects["other_membership"] = world.other_org.memberships.first()
    world.objects["authorisation"] = PhysicianAuthorisation.objects.get(organisation=world.org)
    world.objects["other_authorisation"] = PhysicianAuthorisation.objects.create(
        organisation=world.other_org,
        practitioner=world.objects["practitioner"],
        authorised_by=world.users["other_superuser"],
    )
    for org, number in ((world.org, "1"), (world.other_org, "2")):
        Collectivity.objects.create(
            organisation=org, customer_number=number, collectivity_number="1", name=f"{org.name} collectief"
        )
