"""A demo API client of the bakery (payroll system with the insurance role), so docs/api.md can be tried."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from oauth2_provider.models import Application

from werkzorg.integrations.models import ApiClient
from werkzorg.organisations.models import Organisation

DEMO_CLIENT_ID = "demo-salarissysteem"
DEMO_CLIENT_SECRET = "Werkzorg-demo-api-2026"  # demo data only: a real secret is random and shown once


@transaction.atomic
def load() -> list[tuple[str, str]]:
    organisation = Organisation.objects.get(slug="korenaar")
    if not Application.objects.filter(client_id=DEMO_CLIENT_ID).exists():
        main = get_user_model().objects.get(email="anna.jansen@korenaar.nl")
        service_user = get_user_model().objects.create(
            email="api-client-demo@clients.invalid", full_name="API: Demo salarissysteem"
        )
        service_user.set_unusable_password()
        service_user.save(update_fields=["password"])
        application = Application.objects.create(
            name="korenaar: Demo salarissysteem",
            client_id=DEMO_CLIENT_ID,
            client_secret=DEMO_CLIENT_SECRET,
            client_type=Application.CLIENT_CONFIDENTIAL,
            authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
            user=service_user,
        )
        ApiClient.objects.create(
            organisation=organisation,
            name="Demo salarissysteem",
            application=application,
            service_user=service_user,
            role_insurance=True,
            expires_on=timezone.localdate() + datetime.timedelta(days=365),
            created_by=main,
        )
    return [(f"API client {DEMO_CLIENT_ID}", f"secret {DEMO_CLIENT_SECRET!r}, korenaar (docs/api.md)")]
