"""The inbox's objects in the test world: a desk message with an attachment in each employer."""

from tests.personas import World
from werkzorg.inbox.models import Message, MessageKind

PLACEHOLDERS = {"<int:message_id>": "message"}


def extend(world: World) -> None:
    for prefix, org in (("", world.org), ("other_", world.other_org)):
        world.objects[f"{prefix}message"] = Message.objects.create(
            organisation=org,
            kind=MessageKind.DESK,
            title="Nieuwe voorwaarden",
            body="De voorwaarden voor 2027 staan klaar.",
            attachment=b"%PDF-1.4 test",
            attachment_name="voorwaarden-2027.pdf",
        )
