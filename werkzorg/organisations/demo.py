"""Demo data of the organisations app: the operator, terms, employers, providers, collectivities, physicians."""

from __future__ import annotations

from django.db import transaction

from werkzorg.organisations.models import (
    Collectivity,
    OperatorSettings,
    Organisation,
    OrganisationKind,
    Practitioner,
    TermsVersion,
)


@transaction.atomic
def load() -> list[tuple[str, str]]:
    operator = OperatorSettings.objects.first() or OperatorSettings.objects.create(
        name="Werkzorg Arbodiensten",
        desk_email="werkgeversdesk@werkzorg.example",
        desk_phone="+31 20 123 4567",
        desk_hours="maandag t/m vrijdag 8:30-17:00",
    )
    TermsVersion.objects.get_or_create(
        version="2026.1",
        defaults={
            "title": "Algemene voorwaarden",
            "body": f"Algemene voorwaarden van {operator.name} voor het werkgeversportaal.\n\n"
            "1. De werkgever gebruikt het portaal alleen voor de eigen medewerkers.\n"
            f"2. {operator.name} verwerkt persoonsgegevens als verwerker in de zin van de AVG.\n"
            "3. Een datalek meldt de operator binnen 24 uur aan de hoofdaccounthouder.\n",
        },
    )
    korenaar = _org("korenaar", "Bakkerij De Gouden Korenaar B.V.", "12345678", "korenaar.nl", "Deventer")
    vandijk = _org("vandijk", "Transportbedrijf Van Dijk", "23456789", "vandijk-transport.nl", "Zwolle")
    _org(
        "fysioplus",
        "FysioPlus Bedrijfsfysiotherapie",
        "34567890",
        "fysioplus.nl",
        "Apeldoorn",
        kind=OrganisationKind.PROVIDER,
    )
    _org(
        "mentaalfit",
        "MentaalFit Coaching",
        "45678901",
        "mentaalfit.nl",
        "Utrecht",
        kind=OrganisationKind.PROVIDER,
    )
    for customer, number, owner, name in (
        ("100200", "5001", korenaar, "Korenaar Collectief"),
        ("100200", "5002", korenaar, "Korenaar Winkels"),
        ("100300", "6001", vandijk, "Van Dijk Collectief"),
    ):
        Collectivity.objects.get_or_create(
            customer_number=customer,
            collectivity_number=number,
            defaults={"organisation": owner, "name": name},
        )
    Practitioner.objects.get_or_create(
        agb_code="12345678", defaults={"name": "dr. Lotte Smit", "big_number": "19012345601"}
    )
    Practitioner.objects.get_or_create(
        agb_code="87654321", defaults={"name": "dr. Koen Bos", "big_number": "29012345601"}
    )
    return []


def _org(
    slug: str, name: str, kvk: str, domain: str, city: str, kind: OrganisationKind = OrganisationKind.EMPLOYER
) -> Organisation:
    org, _ = Organisation.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "kvk_number": kvk,
            "email_domains": domain,
            "city": city,
            "kind": kind,
            "street": "Marktstraat 1",
            "postal_code": "7411 AA",
        },
    )
    return org
