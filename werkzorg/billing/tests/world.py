"""The billing app's objects in the test world: in each employer a budget, a declared invoice, an issued
statement and a quote; in the full world a provider invoice of the care provider for Acme's request, and one
of another provider (for the provider's routes with someone else's object)."""

import datetime
from decimal import Decimal

from tests.personas import World
from werkzorg.billing.models import (
    CollectiveStatement,
    Declaration,
    InvoiceLine,
    ProviderInvoice,
    Quote,
    VitalityBudget,
)
from werkzorg.billing.tests.pdfs import invoice_pdf

PLACEHOLDERS = {
    "<int:declaration_id>": "declaration",
    "<int:collective_statement_id>": "collective_statement",
    "<int:quote_id>": "quote",
    "<int:invoice_id>": "invoice",
}
PROVIDER_ROUTES = {
    "billing:provider-invoices",
    "billing:provider-invoice",
    "billing:provider-invoice-file",
    "billing:provider-claim-outcome",
    "billing:provider-invoice-new",
    "billing:provider-claim-consent",
    "api:billing-invoice-list",
    "api:billing-invoice-detail",
}
PROVIDER_PLACEHOLDERS = {"<int:invoice_id>": "provider_other_invoice"}
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
        world.objects[f"{prefix}collective_statement"] = CollectiveStatement.objects.create(
            organisation=org,
            number=f"VZ{year - 1}Q4-{org.pk:05d}",
            year=year - 1,
            quarter=4,
            pdf=invoice_pdf("s"),
        )
        world.objects[f"{prefix}quote"] = Quote.objects.create(
            organisation=org, description="Workshop", amount=Decimal("800.00"), vat_rate=Decimal("0.21"),
            quoted_by=owner,
        )  # fmt: skip
    if "request" not in world.objects:
        return  # the provider's invoices need the intervention requests of the full world
    for key, request in (
        ("invoice", world.objects["request"]),
        ("provider_other_invoice", world.objects["provider_other_request"]),
    ):
        invoice = ProviderInvoice.objects.create(
            provider=request.provider, organisation=request.organisation, request=request, number=f"INV-{key}",
            invoice_date=datetime.date(year, 1, 20), period_start=datetime.date(year, 1, 6),
            period_end=datetime.date(year, 1, 6), submitted_by=world.users["provider"], file=invoice_pdf(key),
            file_name="factuur.pdf", total_excl_vat=Decimal("100.00"), total_vat=Decimal("21.00"),
            total_gross=Decimal("121.00"), total_net=Decimal("121.00"),
        )  # fmt: skip
        InvoiceLine.objects.create(
            invoice=invoice, organisation=request.organisation, kind="third_party", description="Reiskosten",
            service_date=datetime.date(year, 1, 6), amount_excl_vat=Decimal("100.00"), vat_rate=Decimal("0.21"),
            vat=Decimal("21.00"), gross=Decimal("121.00"), net=Decimal("121.00"), payer="employer",
        )  # fmt: skip
        world.objects[key] = invoice
