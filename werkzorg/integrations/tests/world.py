"""The integrations app's objects in the test world: an API client of Acme and one of Globex."""

from tests.personas import World
from werkzorg.core.crypto import encrypt
from werkzorg.integrations.models import WebhookSubscription
from werkzorg.integrations.tests.factories import make_client

PLACEHOLDERS = {
    "<int:client_id>": "api_client",
    "<int:subscription_id>": "webhook_subscription",
    "<int:operator_client_id>": "operator_client",
}


def extend(world: World) -> None:
    world.objects["api_client"] = make_client(world.org, world.users["superuser"], role_insurance=True)
    world.objects["other_api_client"] = make_client(world.other_org, world.users["other_superuser"])
    for key, client in (
        ("webhook_subscription", "api_client"),
        ("other_webhook_subscription", "other_api_client"),
    ):
        world.objects[key] = WebhookSubscription.objects.create(
            client=world.objects[client],
            organisation=world.objects[client].organisation,  # type: ignore[attr-defined]
            url="https://hooks.example.invalid/werkzorg",
            events=["intervention.status_changed"],
            secret_encrypted=encrypt("test-signing-secret"),
        )

    # Operator-wide clients (the desk's): one serving Acme, one serving Globex only.
    for key, served in (("operator_client", world.org), ("other_operator_client", world.other_org)):
        client = make_client(None, world.users["desk"], name=f"Verzuimverzekeraar {key}", role_absence=True)
        client.served.set([served])
        world.objects[key] = client
