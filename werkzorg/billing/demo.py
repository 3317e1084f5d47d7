"""Demo budget and declarations at the bakery: a budget half used, declarations waiting, approved and
rejected, so a newcomer can declare (ahmed.elamrani@korenaar.nl) and decide at the desk."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from werkzorg.accounts.models import User
from werkzorg.billing.models import Declaration, DeclarationStatus, VitalityBudget
from werkzorg.organisations.models import Organisation

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


@transaction.atomic
def load() -> list[tuple[str, str]]:
    org = Organisation.objects.get(slug="korenaar")
    year = timezone.localdate().year
    if VitalityBudget.objects.filter(organisation=org, year=year).exists():
        return []
    VitalityBudget.objects.create(organisation=org, year=year, amount=Decimal("25000.00"))
    declarer = User.objects.get(email="ahmed.elamrani@korenaar.nl")
    desk = User.objects.get(email="desk@werkzorg.example")
    now = timezone.now()
    for number, (provider, amount, month, category, status, reason) in enumerate(
        [
            ("Fysio Centrum Deventer", "4800.00", 1, "physiotherapy", DeclarationStatus.APPROVED, ""),
            ("Coachpraktijk De Brug", "3650.00", 2, "coaching", DeclarationStatus.APPROVED, ""),
            ("Vitaal Werkt B.V.", "4050.00", 3, "training", DeclarationStatus.APPROVED, ""),
            ("Psychologenpraktijk Oost", "1250.00", 4, "mental", DeclarationStatus.REJECTED,
             "Dit is een behandeling uit de basisverzekering; die valt niet onder het vitaliteitsbudget."),
            ("Gezond Check", "890.00", 5, "screening", DeclarationStatus.SUBMITTED, ""),
        ],
        start=1,
    ):  # fmt: skip
        decided = status != DeclarationStatus.SUBMITTED
        Declaration.objects.create(
            organisation=org,
            declared_by=declarer,
            provider_name=provider,
            invoice_number=f"{year}-{number:03d}",
            invoice_date=datetime.date(year, month, 10),
            amount=Decimal(amount),
            category=category,
            file=PDF,
            file_name=f"factuur-{number}.pdf",
            status=status,
            reason=reason,
            decided_by=desk if decided else None,
            decided_at=now if decided else None,
        )
    return []
