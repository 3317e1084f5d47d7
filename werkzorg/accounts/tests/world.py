"""The accounts app's objects in the test world: a pending invitation in each employer."""

import datetime

from django.utils import timezone

from tests.personas import World
from werkzorg.accounts.models import Invitation

PLACEHOLDERS = {"<uuid:invitation_id>": "invitation"}


def extend(world: World) -> None:
    for key, org, email, phone, inviter in (
        ("invitation", world.org, "new@acme.nl", "+31611111111", "superuser"),
        ("other_invitation", world.other_org, "new@globex.nl", "+31611111112", "other_superuser"),
    ):
        world.objects[key] = Invitation.objects.create(
            organisation=org,
            email=email,
            phone=phone,
            full_name="New Person",
            expires_at=timezone.now() + datetime.timedelta(days=7),
            invited_by=world.users[inviter],
        )
