"""The integrations app's objects in the test world: an API client of Acme and one of Globex."""

from tests.personas import World
from werkzorg.integrations.tests.factories import make_client

PLACEHOLDERS = {"<int:client_id>": "api_client"}


def extend(world: World) -> None:
    world.objects["api_client"] = make_client(world.org, world.users["superuser"], role_insurance=True)
    world.objects["other_api_client"] = make_client(world.other_org, world.users["other_superuser"])
