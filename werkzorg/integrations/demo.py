"""A demo API client of the bakery (payroll system with the insurance role), so docs/api.md can be tried."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from oauth2_provider.models import Application

from werkzorg.integrations.models import ApiClient
from werkzorg.integrations.services import create_application
from werkzorg.organisations.models import Organisation

DEMO_CLIENT_ID = "demo-salarissysteem"
DEMO_CLIENT_SECRET = "Werkzorg-demo-api-2026"  # demo data only: a real secret is random and shown once


@transaction.atomic
def load() -> list[tuple[str, str]]:
    if not Application.objects.filter(client_id=DEMO_CLIENT_ID).exists():
        application = create_application(
            "korenaar: Demo salarissysteem",
            "Demo salarissysteem",
            DEMO_CLIENT_SECRET,
            client_id=DEMO_CLIENT_ID,
        )
        ApiClient.objects.create(
            organisation=Organisation.objects.get(slug="korenaar"),
            name="Demo salarissysteem",
            application=application,
            service_user=application.user,
            role_insurance=True,
            expires_on=timezone.localdate() + datetime.timedelta(days=365),
            created_by=get_user_model().objects.get(email="anna.jansen@korenaar.nl"),
        )
    return [(f"API client {DEMO_CLIENT_ID}", f"secret {DEMO_CLIENT_SECRET!r}, korenaar (docs/api.md)")]
