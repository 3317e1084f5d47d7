"""The desk's catalogue import: every row checked first, then all rows written in one transaction."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, require
from werkzorg.audit.events import AuditEventType
from werkzorg.audit.services import record
from werkzorg.core.importer import Column, Importer
from werkzorg.core.tabular import ImportReport, Table
from werkzorg.interventions.models import Category, Delivery, Intervention, Region
from werkzorg.organisations.models import Organisation, OrganisationKind

COLUMNS = [
    Column("title", ("titel", "title"), required=True),
    Column("category", ("categorie", "category"), required=True),
    Column("summary", ("samenvatting", "summary")),
    Column("description", ("omschrijving", "description")),
    Column("price", ("prijs", "price"), required=True),
    Column("sessions", ("sessies", "sessions")),
    Column("weeks", ("weken", "weeks")),
    Column("delivery", ("vorm", "delivery"), required=True),
    Column("regions", ("regio's", "regios", "regions")),
    Column("providers", ("aanbieders", "providers"), required=True),
]


def _codes(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


def import_catalogue(*, actor: Actor, table: Table) -> ImportReport:
    require(actor, Perm.DESK_CATALOGUE)
    regions = {r.code.lower(): r for r in Region.objects.all()}
    providers = {o.slug: o for o in Organisation.objects.filter(kind=OrganisationKind.PROVIDER)}

    def check_row(data: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
        problems: list[str] = []
        if data["category"] not in Category.values:
            problems.append(_("Unknown category: %(value)s.") % {"value": data["category"]})
        if data["delivery"] not in Delivery.values:
            problems.append(_("Unknown delivery: %(value)s.") % {"value": data["delivery"]})
        try:
            price = Decimal(data["price"].replace(",", "."))
            if price < 0 or not price.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            problems.append(_("The price is not a valid amount."))
            price = Decimal(0)
        numbers = {}
        for key in ("sessions", "weeks"):
            raw = data.get(key) or "1"
            if not raw.isdigit() or not 0 < int(raw) < 1000:
                problems.append(_("%(field)s must be a whole number.") % {"field": key})
            numbers[key] = int(raw) if raw.isdigit() else 1
        region_codes = [c.lower() for c in _codes(data.get("regions", ""))] or ["nationwide"]
        unknown_regions = [c for c in region_codes if c not in regions]
        if unknown_regions:
            problems.append(_("Unknown region(s): %(codes)s.") % {"codes": ", ".join(unknown_regions)})
        slugs = _codes(data["providers"])
        unknown = [s for s in slugs if s not in providers]
        if not slugs or unknown:
            problems.append(_("Unknown care provider(s): %(names)s.") % {"names": ", ".join(unknown) or "-"})
        cleaned = {**data, "price": price, **numbers, "regions": region_codes, "providers": slugs}
        return cleaned, problems

    def write(rows: list[dict[str, Any]], report: ImportReport) -> None:
        for data in rows:
            intervention, created = Intervention.objects.update_or_create(
                title=data["title"],
                defaults={
                    "category": data["category"],
                    "summary": data.get("summary", "")[:300],
                    "description": data.get("description") or data.get("summary", ""),
                    "price_excl_vat": data["price"],
                    "sessions": data["sessions"],
                    "duration_weeks": data["weeks"],
                    "delivery": data["delivery"],
                },
            )
            intervention.regions.set([regions[c] for c in data["regions"]])
            intervention.providers.set([providers[s] for s in data["providers"]])
            if created:
                report.created += 1
            else:
                report.updated += 1
        record(
            AuditEventType.DESK_IMPORTED,
            actor=actor,
            detail=f"catalogue: created {report.created}, updated {report.updated}",
        )

    return Importer(COLUMNS, row_check=check_row).run(table, write=write)
