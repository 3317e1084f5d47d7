"""API clients for tests: made as register_client makes them, with a known secret."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.utils import timezone
from oauth2_provider.models import Application

from tests.factories import UserFactory
from werkzorg.access.policy import CLIENT_GRANT_FIELDS
from werkzorg.integrations.models import ApiClient

SECRET = "test-client-secret-" + "s" * 20
EVERY_ROLE = dict.fromkeys(CLIENT_GRANT_FIELDS, True)


def make_client(
    organisation: Any, created_by: Any, *, name: str = "Salarissysteem", **roles: bool
) -> ApiClient:
    service_user = UserFactory(email=f"api-client-{uuid.uuid4().hex[:12]}@clients.invalid", totp=False)
    service_user.set_unusable_password()
    service_user.save()
    application = Application.objects.create(
        name=name,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
        user=service_user,
        client_secret=SECRET,
        hash_client_secret=True,
    )
    return ApiClient.objects.create(
        organisation=organisation,
        name=name,
        application=application,
        service_user=service_user,
        expires_on=timezone.localdate() + datetime.timedelta(days=30),
        created_by=created_by,
        **roles,
    )
