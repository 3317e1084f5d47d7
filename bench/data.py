"""The bench's data: one large employer at the chosen scale and a small one (1,000 rows) to compare query counts."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import connection
from django.db.models import F
from django.utils import timezone

from tests.factories import MembershipFactory, OrganisationFactory
from werkzorg.core.bulk import insert_all
from werkzorg.employees.models import Employee
from werkzorg.interventions.models import Intervention, InterventionRequest
from werkzorg.organisations.models import Collectivity, Membership, Organisation, OrganisationKind

SCALES = {
    "small": {"employees": 5_000, "members": 100, "requests": 5_000},
    "default": {"employees": 100_000, "members": 500, "requests": 100_000},
}
SMALL_ORG_ROWS = 1_000
STATUSES = ["awaiting_consent", "forwarded", "contacted", "planned", "in_treatment", "completed", "cancelled"]
CATEGORIES = ["mental", "physical", "lifestyle", "training", "workshop"]


def load(scale: dict[str, int]) -> dict[str, Membership]:
    """Returns the superuser membership of each employer, by slug ("bench" and "bench-small")."""
    provider = OrganisationFactory(kind=OrganisationKind.PROVIDER, slug="bench-provider", name="Zorg B.V.")
    items = []
    for n, category in enumerate(CATEGORIES):
        item = Intervention.objects.create(
            title=f"Interventie {n}",
            category=category,
            summary="s",
            description="d",
            price_excl_vat=Decimal("100"),
            sessions=3,
            duration_weeks=4,
            delivery="both",
        )
        item.providers.set([provider])
        items.append(item)
    superusers = {}
    for slug, employees, members, requests in [
        ("bench", scale["employees"], scale["members"], scale["requests"]),
        ("bench-small", SMALL_ORG_ROWS, SMALL_ORG_ROWS // 10, SMALL_ORG_ROWS),
    ]:
        superuser = MembershipFactory(
            superuser=True, organisation__slug=slug, user__full_name="Bench Gebruiker"
        )
        organisation = superuser.organisation
        _employees(organisation, employees)
        MembershipFactory.create_batch(members - 1, organisation=organisation, role_reports=True)
        _requests(organisation, superuser, provider, items, requests)
        superusers[slug] = superuser
    with connection.cursor() as cursor:
        # The planner's statistics and a clean heap after the bulk loads, as autovacuum would leave them.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return superusers


def _employees(organisation: Organisation, count: int) -> None:
    departments = ["Bakkerij", "Logistiek", "Winkels", "Kantoor", "Klantenservice", "ICT", "Inkoop"]
    insert_all(
        Employee,
        [_employee(organisation, n, departments[n % len(departments)]) for n in range(count)],
    )


def _employee(organisation: Organisation, n: int, department: str) -> Employee:
    employee = Employee(
        organisation=organisation,
        employee_number=f"{n:07d}",
        first_name=f"Voornaam{n}",
        last_name=f"Achternaam{n % 997}",
        email=f"medewerker{n}@example.nl",
        department=department,
        date_of_birth=datetime.date(1960 + n % 40, 1 + n % 12, 1 + n % 28),
        employment_start=datetime.date(2000 + n % 25, 1 + n % 12, 1),
        employment_end=datetime.date(2025, 6, 30) if n % 20 == 0 else None,
    )
    employee.search_text = employee.compose_search_text()
    return employee


def _requests(
    organisation: Organisation,
    superuser: Membership,
    provider: Organisation,
    items: list[Intervention],
    count: int,
) -> None:
    collectivity = Collectivity.objects.create(
        organisation=organisation,
        customer_number=f"9{organisation.pk}",
        collectivity_number=f"9{organisation.pk}",
        name="Collectiviteit",
    )
    now = timezone.now()
    batch = []
    for n in range(count):
        created = now - datetime.timedelta(hours=n % 8000)
        consented = created + datetime.timedelta(hours=20) if n % 7 else None
        batch.append(
            InterventionRequest(
                number=f"IV{organisation.pk}-{n:07d}",
                organisation=organisation,
                collectivity=collectivity,
                intervention=items[n % 5],
                provider=provider,
                category=items[n % 5].category,
                requested_by=superuser.user,
                status=STATUSES[n % 7],
                consent_due_at=created,
                submit_token=f"b{organisation.pk}-{n}",
                consented_at=consented,
                forwarded_at=consented,
                first_appointment_at=consented + datetime.timedelta(days=4) if consented else None,
            )
        )
    insert_all(InterventionRequest, batch)
    # Spread over the last year, so the dashboard's months chart has every month.
    InterventionRequest.objects.filter(organisation_id=organisation.pk).update(created_at=F("consent_due_at"))
