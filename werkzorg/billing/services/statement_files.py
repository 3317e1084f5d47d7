"""Reading collective statements (the main account holder's), their PDF with the original invoices
appended (made once, at issue) and their Excel export (a background job)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet, Sum
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, get_or_404, require, scope
from werkzorg.audit.services import record
from werkzorg.billing.models import (
    BillingEvent,
    CollectiveStatement,
    Payer,
    ProviderInvoice,
    StatementLine,
    StatementLineKind,
)
from werkzorg.billing.pricing import ZERO
from werkzorg.core.pdf import html_to_pdf
from werkzorg.core.tabular import write_xlsx
from werkzorg.jobs.registry import Progress, Result


@dataclass(frozen=True)
class PayerTotal:
    payer: str
    label: str
    net: Decimal
    to_pay: Decimal


def totals_per_payer(statement: CollectiveStatement) -> list[PayerTotal]:
    """One aggregate: per payer the net amount and what the employer pays of it."""
    labels = dict(Payer.choices)
    rows = (
        StatementLine.objects.filter(statement=statement)
        .values("payer")
        .annotate(net=Sum("net"), to_pay=Sum("to_pay"))
        .order_by("payer")
    )
    return [PayerTotal(r["payer"], str(labels[r["payer"]]), r["net"], r["to_pay"]) for r in rows]


def offset_total(statement: CollectiveStatement) -> Decimal:
    return StatementLine.objects.filter(statement=statement).aggregate(s=Sum("offset"))["s"] or ZERO


# Lines per WeasyPrint document: a statement of 10,000 lines is made in parts and joined, so a worker's
# memory stays bounded (one document of 10,000 table rows took 1.7 GB).
PDF_PART_LINES = 1_000
ORIGINALS_PER_READ = 100


def statement_pdf(statement: CollectiveStatement) -> bytes:
    """The statement's pages, then every original invoice on it, in the order of their first line."""
    from pypdf import PdfWriter

    lines = list(StatementLine.objects.filter(statement=statement).order_by("position"))
    parts = [lines[start : start + PDF_PART_LINES] for start in range(0, len(lines), PDF_PART_LINES)] or [[]]
    context = {
        "statement": statement,
        "organisation": statement.organisation,
        "totals": totals_per_payer(statement),
        "offset_total": offset_total(statement),
        "operator_name": settings.SEPA_DEBTOR_NAME,
    }
    writer = PdfWriter()
    for number, part in enumerate(parts):
        html = render_to_string(
            "billing/statement_pdf.html",
            {**context, "lines": part, "first": number == 0, "last": number == len(parts) - 1},
        )
        writer.append(io.BytesIO(html_to_pdf(html)))
    invoice_ids = list(dict.fromkeys(line.invoice_id for line in lines if line.invoice_id))
    for start in range(0, len(invoice_ids), ORIGINALS_PER_READ):
        batch = invoice_ids[start : start + ORIGINALS_PER_READ]
        originals = dict(ProviderInvoice.objects.filter(pk__in=batch).values_list("pk", "file"))
        for invoice_id in batch:
            writer.append(io.BytesIO(bytes(originals[invoice_id])))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def issued_statements(actor: Actor) -> QuerySet[CollectiveStatement]:
    require(actor, Perm.BILLING_STATEMENTS)
    return scope(CollectiveStatement, actor).select_related("collectivity").defer("pdf")


def statement_detail(actor: Actor, statement_id: int) -> CollectiveStatement:
    require(actor, Perm.BILLING_STATEMENTS)
    return get_or_404(
        CollectiveStatement.objects.select_related("collectivity").defer("pdf"), actor, pk=statement_id
    )


def statement_lines(statement: CollectiveStatement) -> QuerySet[StatementLine]:
    return StatementLine.objects.filter(statement=statement).order_by("position")


def statement_file(*, actor: Actor, statement_id: int) -> tuple[str, bytes]:
    require(actor, Perm.BILLING_STATEMENTS)
    found: CollectiveStatement = get_or_404(CollectiveStatement, actor, pk=statement_id)
    record(BillingEvent.STATEMENT_READ, actor=actor, obj=found, detail="pdf")
    return f"verzamelblad-{found.number}.pdf", bytes(found.pdf or b"")


def mark_statement_paid(*, actor: Actor, statement_id: int) -> CollectiveStatement:
    """The desk records that the employer paid (the statement's content stays as issued)."""
    require(actor, Perm.DESK_BILLING)
    with transaction.atomic(durable=True):
        statement = CollectiveStatement.objects.select_for_update().defer("pdf").get(pk=statement_id)
        if statement.paid_at is None:
            statement.paid_at = timezone.now()
            statement.save(update_fields=["paid_at"])
            record(
                BillingEvent.STATEMENT_PAID, actor=actor, organisation=statement.organisation, obj=statement
            )
    return statement


EXCEL_HEADER = [
    "regel", "soort", "interventienummer", "interventie", "zorgaanbieder", "periode", "omschrijving",
    "bruto", "ontdubbeld", "netto", "betaler", "te betalen",
]  # fmt: skip


def statement_excel_job(actor: Actor, params: dict[str, Any], _upload: bytes, progress: Progress) -> Result:
    """The statement's lines as Excel (openpyxl write-only), with the total as the last row."""
    statement = statement_detail(actor, int(params["statement_id"]))
    kinds, payers = dict(StatementLineKind.choices), dict(Payer.choices)
    total = statement.line_count

    def rows() -> Any:
        for done, line in enumerate(statement_lines(statement).iterator(chunk_size=2000), start=1):
            yield [
                line.position, str(kinds[line.kind]), line.request_number, line.intervention, line.provider,
                line.period, line.description, line.gross, line.offset, line.net, str(payers[line.payer]),
                line.to_pay,
            ]  # fmt: skip
            progress(done, total)
        yield ["", "", "", "", "", "", _("Total to pay"), "", "", "", "", statement.total]

    content = write_xlsx(EXCEL_HEADER, rows(), title=statement.number[:31])
    record(BillingEvent.STATEMENT_READ, actor=actor, obj=statement, detail="xlsx")
    return Result(filename=f"verzamelblad-{statement.number}.xlsx", content=content)
