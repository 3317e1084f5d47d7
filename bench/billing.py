"""The billing issue's size: a quarterly statement of an organisation with 10,000 invoice lines (1,000
approved provider invoices of 10 lines, each with its original PDF), PDF included.

In process, on PostgreSQL: issuing the statement (copy the lines, mark their sources, make the PDF with
the originals appended; rolled back after each run) against a baseline doing the same aggregate in plain
SQL and writing the same PDF pages directly: the same rows in a bare HTML table through WeasyPrint, and the
same originals appended with pypdf. One run of each (WeasyPrint lays out some 250 pages either way, about
a minute or two: the PDF is most of the time on both sides)."""

from __future__ import annotations

import datetime
import io
import zoneinfo
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.utils.html import escape

from werkzorg.billing.models import InvoiceLine, ProviderInvoice
from werkzorg.billing.services import issue_quarter
from werkzorg.billing.tests.pdfs import invoice_pdf
from werkzorg.core.bulk import insert_all
from werkzorg.core.pdf import html_to_pdf
from werkzorg.interventions.models import InterventionRequest
from werkzorg.organisations.models import Membership

INVOICES = 1_000
LINES_PER_INVOICE = 10
DECIDED = datetime.datetime(2026, 2, 15, 12, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))
ISSUED_ON = datetime.date(2026, 4, 2)


def load(superuser: Membership) -> int:
    """Returns the number of invoice lines loaded."""
    organisation = superuser.organisation
    requests = list(
        InterventionRequest.objects.filter(organisation_id=organisation.pk, forwarded_at__isnull=False)
        .order_by("pk")
        .values_list("pk", "provider_id")[:INVOICES]
    )
    original = invoice_pdf("bench original")
    invoices = [
        ProviderInvoice(
            provider_id=provider_id,
            organisation_id=organisation.pk,
            request_id=request_id,
            number=f"B-{n:05d}",
            invoice_date=datetime.date(2026, 2, 10),
            period_start=datetime.date(2026, 1, 5),
            period_end=datetime.date(2026, 2, 9),
            submitted_by=superuser.user,
            file=original,
            file_name="factuur.pdf",
            status="approved",
            decided_at=DECIDED,
            payment_due=datetime.date(2026, 3, 12),
            total_excl_vat=Decimal("1200.00"),
            total_vat=Decimal("252.00"),
            total_gross=Decimal("1452.00"),
            total_offset=Decimal("100.00"),
            total_net=Decimal("1352.00"),
        )
        for n, (request_id, provider_id) in enumerate(requests)
    ]
    ProviderInvoice.objects.bulk_create(invoices, batch_size=500)
    lines = [
        InvoiceLine(
            invoice_id=invoice.pk,
            organisation_id=organisation.pk,
            kind="session",
            description="Sessie",
            service_date=datetime.date(2026, 1, 5) + datetime.timedelta(days=n * 3),
            amount_excl_vat=Decimal("120.00"),
            vat_rate=Decimal("0.21"),
            vat=Decimal("25.20"),
            gross=Decimal("145.20"),
            offset=Decimal("10.00") if n % 2 else Decimal("0.00"),
            net=Decimal("135.20") if n % 2 else Decimal("145.20"),
            payer="employer",
        )
        for invoice in invoices
        for n in range(LINES_PER_INVOICE)
    ]
    insert_all(InvoiceLine, lines)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE billing_providerinvoice; ANALYZE billing_invoiceline")
    return len(lines)


def aggregate_sql(organisation_id: int) -> list[tuple[Any, ...]]:
    """The statement's rows and total, as one query over the quarter's approved lines."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT r.number, i.title, p.name, l.service_date, l.description, l.gross, l."offset", l.net,
                   l.payer, SUM(l.net) OVER ()
            FROM billing_invoiceline l
            JOIN billing_providerinvoice v ON v.id = l.invoice_id
            JOIN interventions_interventionrequest r ON r.id = v.request_id
            JOIN interventions_intervention i ON i.id = r.intervention_id
            JOIN organisations_organisation p ON p.id = v.provider_id
            WHERE l.organisation_id = %s AND l.active AND l.statement_id IS NULL
              AND v.status IN ('approved', 'exported', 'paid') AND v.decided_at < %s
            ORDER BY r.number, l.service_date, l.id
            """,
            [organisation_id, datetime.datetime(2026, 4, 1, tzinfo=DECIDED.tzinfo)],
        )
        return cursor.fetchall()


def pdf_direct(organisation_id: int) -> bytes:
    """The same pages written directly: the rows in a bare table, then the same originals."""
    from pypdf import PdfWriter

    rows = aggregate_sql(organisation_id)
    cells = "".join(
        "<tr>" + "".join(f"<td>{escape(str(value))}</td>" for value in row[:9]) + "</tr>" for row in rows
    )
    html = (
        "<html><head><style>@page { size: A4 landscape; } body { font-size: 8.5pt; }</style></head><body>"
        f"<table>{cells}</table><p>{rows[0][9] if rows else 0}</p></body></html>"
    )
    writer = PdfWriter()
    writer.append(io.BytesIO(html_to_pdf(html)))
    originals = (
        ProviderInvoice.objects.filter(organisation_id=organisation_id)
        .order_by("pk")
        .values_list("file", flat=True)
    )
    for original in originals.iterator(chunk_size=200):
        writer.append(io.BytesIO(bytes(original)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scenarios(superuser: Membership, compare: Callable[..., dict[str, Any]], rows: int) -> dict[str, Any]:
    if connection.vendor != "postgresql" or not rows:
        return {}
    organisation = superuser.organisation

    def issue() -> None:
        with transaction.atomic():
            issue_quarter(actor=None, organisation=organisation, year=2026, quarter=1, today=ISSUED_ON)
            transaction.set_rollback(True)

    return {
        "billing.statement": lambda: compare(
            "billing.statement", issue, lambda: pdf_direct(organisation.pk), rows, repeat=1, warm_up=False
        )
    }
