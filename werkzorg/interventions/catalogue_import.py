"""The desk's catalogue import: every row checked first, then all rows written in one transaction."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from werkzorg.core.errors import DomainError
from werkzorg.core.tabular import ImportReport, RowError, Table
from werkzorg.interventions.models import Category, Delivery, Intervention, Region
from werkzorg.organisations.models import Organisation, OrganisationKind

COLUMNS = {
    "titel": "title",
    "title": "title",
    "categorie": "category",
    "category": "category",
    "samenvatting": "summary",
    "summary": "summary",
    "omschrijving": "description",
    "description": "description",
    "prijs": "price",
    "price": "price",
    "sessies": "sessions",
    "sessions": "sessions",
    "weken": "weeks",
    "weeks": "weeks",
    "vorm": "delivery",
    "delivery": "delivery",
    "regio's": "regions",
    "regios": "regions",
    "regions": "regions",
    "aanbieders": "providers",
    "providers": "providers",
}


def import_catalogue(*, desk_user: Any, table: Table) -> ImportReport:
    if not getattr(desk_user, "is_staff", False):
        raise DomainError(_("Only the desk can import the catalogue."))
    report = ImportReport()
    columns = {h: COLUMNS[h] for h in table.header if h in COLUMNS}
    if not {"title", "category", "price", "delivery", "providers"} <= set(columns.values()):
        report.errors.append(
            RowError(
                1,
                [
                    _("Missing column(s): %(columns)s.")
                    % {"columns": "titel, categorie, prijs, vorm, aanbieders"}
                ],
            )
        )
        return report
    regions = {r.code.lower(): r for r in Region.objects.all()}
    providers = {o.slug: o for o in Organisation.objects.filter(kind=OrganisationKind.PROVIDER)}
    rows = []
    for line, values in table.rows:
        data = {target: values.get(header, "").strip() for header, target in columns.items()}
        problems: list[str] = []
        if not data.get("title"):
            problems.append(_("The title is missing."))
        if data.get("category") not in Category.values:
            problems.append(_("Unknown category: %(value)s.") % {"value": data.get("category")})
        if data.get("delivery") not in Delivery.values:
            problems.append(_("Unknown delivery: %(value)s.") % {"value": data.get("delivery")})
        try:
            price = Decimal(data.get("price", "").replace(",", "."))
            if price < 0:
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
        region_codes = [
            c.strip().lower() for c in data.get("regions", "nationwide").split(",") if c.strip()
        ] or ["nationwide"]
        unknown_regions = [c for c in region_codes if c not in regions]
        if unknown_regions:
            problems.append(_("Unknown region(s): %(codes)s.") % {"codes": ", ".join(unknown_regions)})
        slugs = [s.strip() for s in data.get("providers", "").split(",") if s.strip()]
        unknown = [s for s in slugs if s not in providers]
        if not slugs or unknown:
            problems.append(_("Unknown care provider(s): %(names)s.") % {"names": ", ".join(unknown) or "-"})
        if problems:
            report.errors.append(RowError(line, problems))
            continue
        rows.append((data, price, numbers, region_codes, slugs))
    if report.errors:
        return report
    with transaction.atomic():
        for data, price, numbers, region_codes, slugs in rows:
            intervention, created = Intervention.objects.update_or_create(
                title=data["title"],
                defaults={
                    "category": data["category"],
                    "summary": data.get("summary", "")[:300],
                    "description": data.get("description") or data.get("summary", ""),
                    "price_excl_vat": price,
                    "sessions": numbers["sessions"],
                    "duration_weeks": numbers["weeks"],
                    "delivery": data["delivery"],
                },
            )
            intervention.regions.set([regions[c] for c in region_codes])
            intervention.providers.set([providers[s] for s in slugs])
            if created:
                report.created += 1
            else:
                report.updated += 1
    return report
