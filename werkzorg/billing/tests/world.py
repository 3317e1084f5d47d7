"""The billing app's objects in the test world: in each employer a budget and a declared invoice."""

import datetime
from decimal import Decimal

from tests.personas import World
from werkzorg.billing.models import Declaration, VitalityBudget

PLACEHOLDERS = {"<int:declaration_id>": "declaration"}
PDF = b"%PDF-1.4 test invoice"


def extend(world: World) -> None:
    year = datetime.date.today().year
    for prefix, org, owner in (
        ("", world.org, world.users["superuser"]),
        ("other_", world.other_org, world.users["other_superuser"]),
    ):
        VitalityBudget.objects.create(organisation=org, year=year, amount=Decimal("10000.00"))
        world.objects[f"{prefix}declaration"] = Declaration.objects.create(
            organisation=org,
            declared_by=owner,
            provider_name="Fysio Centrum",
            invoice_number="F-1",
            invoice_date=datetime.date(year, 1, 15),
            amount=Decimal("450.00"),
            category="physiotherapy",
            file=PDF,
            file_name="factuur.pdf",
        )
