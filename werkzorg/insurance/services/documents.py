"""What is made from issued statements: downloads (PDF, Excel, CSV), payroll files, reconciliation."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Case, DecimalField, F, Q, QuerySet, Sum, Value, When
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, require, scope
from werkzorg.audit.services import record
from werkzorg.core.errors import DomainError
from werkzorg.core.pdf import html_to_pdf
from werkzorg.core.tabular import csv_safe, write_csv, write_xlsx
from werkzorg.insurance import payroll
from werkzorg.insurance.models import (
    InsuranceContract,
    InsuranceEvent,
    LineKind,
    Mutation,
    Relation,
    Statement,
    StatementLine,
)
from werkzorg.insurance.premiums import ZERO, add_months
from werkzorg.insurance.services.statements import get_statement, policyholder_totals
from werkzorg.jobs.registry import Result

LINE_HEADER = [
    "polisnummer verzekeringnemer",
    "werknemersnummer",
    "verzekeringnemer",
    "polisnummer",
    "naam",
    "relatie",
    "product",
    "maand",
    "soort",
    "dagen",
    "premie",
    "werkgeversbijdrage",
    "inhouding",
]
TEXT_FIELDS = ("holder_policy_number", "holder_employee_number", "holder_name", "policy_number", "name")


def _line_rows(statement: Statement, *, safe: bool) -> QuerySet[Any]:
    lines = statement.lines.order_by(
        "holder_name", "holder_policy_number", "relation", "name", "period", "pk"
    )
    if safe:  # CSV: a text that a spreadsheet would run as a formula gets an apostrophe, in the query
        lines = lines.annotate(**{f"safe_{f}": csv_safe(f) for f in TEXT_FIELDS})
    names = [f"safe_{f}" if safe else f for f in TEXT_FIELDS]
    return lines.values_list(
        *names, "relation", "product__name", "period", "kind", "days", "premium", "contribution", "withheld"
    )


@transaction.atomic(durable=True)
def download_statement(*, actor: Actor, statement_id: int, file_format: str) -> tuple[str, bytes, str]:
    """The statement as PDF, Excel or CSV; every download is audited."""
    statement = get_statement(actor, statement_id)
    stem = statement.number
    if file_format == "pdf":
        content = statement_pdf(statement)
        result = (f"{stem}.pdf", content, "application/pdf")
    else:
        relation_labels = {k: str(v) for k, v in Relation.choices}
        kind_labels = {k: str(v) for k, v in LineKind.choices}
        rows = (
            [*row[:5], relation_labels[row[5]], row[6], row[7], kind_labels[row[8]], *row[9:]]
            for row in _line_rows(statement, safe=file_format == "csv").iterator(chunk_size=2000)
        )
        if file_format == "csv":
            result = (f"{stem}.csv", write_csv(LINE_HEADER, rows), "text/csv")
        else:
            xlsx = write_xlsx(LINE_HEADER, rows, title="Borderel")
            result = (
                f"{stem}.xlsx",
                xlsx,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
    record(InsuranceEvent.STATEMENT_DOWNLOADED, actor=actor, obj=statement, detail=file_format)
    return result


def statement_file_job(actor: Actor, params: dict[str, Any], _upload: bytes, progress: Any) -> Result:
    """A large statement's file, made in the background (the same file and audit as a direct download)."""
    progress(0, 1)
    name, content, _type = download_statement(
        actor=actor, statement_id=params["statement"], file_format=params["format"]
    )
    progress(1, 1)
    return Result(filename=name, content=content)


def statement_pdf(statement: Statement) -> bytes:
    lines = statement.lines.select_related("product")
    totals = policyholder_totals(statement)
    return html_to_pdf(
        render_to_string(
            "insurance/statement_pdf.html", {"statement": statement, "lines": lines, "totals": totals}
        )
    )


@transaction.atomic(durable=True)
def make_payroll_file(
    *, actor: Actor, statement_id: int, profile_name: str, options: dict[str, Any]
) -> payroll.PayrollFile:
    """The payroll import file of a statement; refused, with the names, while a policyholder has no
    employee number (the payroll system could not place the amount)."""
    statement = get_statement(actor, statement_id)
    profile = payroll.profile(profile_name)
    if profile is None:
        raise DomainError(_("Choose a payroll format."), field="profile")
    totals = list(policyholder_totals(statement))
    missing = [t["holder_name"] for t in totals if not t["holder_employee_number"]]
    if missing:
        raise DomainError(
            _("These policyholders have no employee number yet: %(names)s. Add them first.")
            % {"names": ", ".join(missing[:20]) + (" …" if len(missing) > 20 else "")}
        )
    for setting in profile.settings:
        if setting == "withholding_component" and not options.get(setting):
            raise DomainError(_("Enter the wage component for the amount to withhold."), field=setting)
    made = profile.make(totals, options, statement.number)
    record(InsuranceEvent.PAYROLL_FILE_MADE, actor=actor, obj=statement, detail=profile_name)
    return made


def _statement_of(actor: Actor, contract: InsuranceContract, month: datetime.date) -> Statement | None:
    found: Statement | None = (
        scope(Statement, actor).filter(collectivity_id=contract.collectivity_id, month=month).first()
    )
    return found


def prolongation_differences(
    *, actor: Actor, contract: InsuranceContract, first: datetime.date, second: datetime.date
) -> dict[str, Any]:
    """Per person and product, the premium of month `first` against month `second` (regular lines):
    who joined, left or pays another amount. Over consecutive months the differences add up to the
    difference over the whole span, since each is `second - first` of the same keys."""
    require(actor, Perm.INSURANCE)
    money: DecimalField[Decimal, Decimal] = DecimalField(max_digits=12, decimal_places=2)
    lines = StatementLine.objects.filter(
        statement__collectivity_id=contract.collectivity_id,
        statement__month__in=[first, second],
        kind=LineKind.REGULAR,
    )
    lines = lines.filter(statement__in=scope(Statement, actor))
    rows = (
        lines.values("policy_number", "name", "product__name")
        .annotate(
            before=Sum(Case(When(period=first, then=F("premium")), default=Value(ZERO), output_field=money)),
            after=Sum(Case(When(period=second, then=F("premium")), default=Value(ZERO), output_field=money)),
        )
        .exclude(before=F("after"))
        .order_by("name", "policy_number", "product__name")
    )
    found = [{**row, "difference": row["after"] - row["before"]} for row in rows]
    record(
        InsuranceEvent.RECONCILIATION_READ, actor=actor, detail=f"prolongation {first:%Y-%m} {second:%Y-%m}"
    )
    return {
        "rows": found,
        "total": sum((r["difference"] for r in found), Decimal("0.00")),
        "first_issued": _statement_of(actor, contract, first) is not None,
        "second_issued": _statement_of(actor, contract, second) is not None,
    }


def correction_premiums(*, actor: Actor, contract: InsuranceContract, up_to: datetime.date) -> dict[str, Any]:
    """Every correction processed on the statements up to and including month `up_to`."""
    require(actor, Perm.INSURANCE)
    lines = (
        StatementLine.objects.filter(
            statement__in=scope(Statement, actor).filter(
                collectivity_id=contract.collectivity_id, month__lte=up_to
            ),
            kind=LineKind.CORRECTION,
        )
        .select_related("product", "statement")
        .order_by("statement__month", "name", "period")
    )
    record(InsuranceEvent.RECONCILIATION_READ, actor=actor, detail=f"corrections up to {up_to:%Y-%m}")
    total = lines.aggregate(total=Sum("premium"))["total"] or ZERO
    return {"lines": lines, "total": total}


def premium_mutations(*, actor: Actor, contract: InsuranceContract, month: datetime.date) -> dict[str, Any]:
    """The mutations with premium consequences entered between the previous month's statement and this
    month's (or since, while this month is not issued), with the premium difference against last month."""
    require(actor, Perm.INSURANCE)
    previous_month = add_months(month, -1)
    before = _statement_of(actor, contract, previous_month)
    current = _statement_of(actor, contract, month)
    window = Q()
    if before is not None:
        window &= Q(entered_at__gt=before.issued_at)
    if current is not None:
        window &= Q(entered_at__lte=current.issued_at)
    mutations = (
        scope(Mutation, actor)
        .filter(window, collectivity_id=contract.collectivity_id, premium_effect=True)
        .select_related("insured")
        .order_by("insured__last_name", "effective_date")
    )
    differences = prolongation_differences(actor=actor, contract=contract, first=previous_month, second=month)
    return {"mutations": mutations, "differences": differences, "previous_month": previous_month}
