"""Monthly premium statements (borderel): issuing with correction lines, reading, and their totals.

A statement holds, for every person in the collectivity during the month, a line per product (family
members who pay nothing at 0). Mutations entered after the previous statement was issued and dated in
a month already issued make correction lines: that month is recomputed as it should have been and set
against everything billed for it so far, so the difference is billed (or credited) once.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Count, QuerySet, Sum
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, get_or_404, require, scope
from werkzorg.audit.services import record
from werkzorg.core.bulk import insert_all
from werkzorg.core.errors import DomainError
from werkzorg.inbox.models import MessageKind
from werkzorg.inbox.services import deliver
from werkzorg.insurance.models import (
    InsuranceContract,
    InsuranceEvent,
    InsuredPerson,
    LineKind,
    Mutation,
    Relation,
    Statement,
    StatementLine,
)
from werkzorg.insurance.premiums import ZERO, Amounts, Price, month_start
from werkzorg.insurance.services.invoices import create_invoice
from werkzorg.insurance.services.lines import (
    coverages_of,
    expected,
    insert_regular_lines,
    make_line,
    people_of,
    prices_of,
)
from werkzorg.integrations.webhooks import publish


def statement_number(contract: InsuranceContract, month: datetime.date) -> str:
    return f"BOR-{contract.collectivity.collectivity_number}-{month:%Y%m}"


STATEMENT_ISSUED = "insurance.statement_issued"


def _check_issuable(contract: InsuranceContract, month: datetime.date) -> None:
    if month < month_start(contract.start_date) or (contract.end_date and month > contract.end_date):
        raise DomainError(_("The contract does not run in %(month)s.") % {"month": date_format(month, "F Y")})


def issue_statement(*, actor: Actor | None, contract: InsuranceContract, month: datetime.date) -> Statement:
    """Issue the statement of `month` (the scheduler, actor None, or the desk); issuing twice gives the
    same statement. Runs in the caller's transaction (the task's or the desk's service), or its own."""
    if actor is not None:
        require(actor, Perm.DESK_INSURANCE)
    month = month_start(month)
    _check_issuable(contract, month)
    with transaction.atomic():  # the caller's, or our own when it has none
        return _issue(actor, contract, month)


def _issue(actor: Actor | None, contract: InsuranceContract, month: datetime.date) -> Statement:
    InsuranceContract.objects.select_for_update().filter(pk=contract.pk).first()  # one issuer at a time
    existing = Statement.objects.filter(collectivity_id=contract.collectivity_id, month=month).first()
    if existing is not None:
        return existing
    statement = Statement.objects.create(
        collectivity_id=contract.collectivity_id,
        number=statement_number(contract, month),
        month=month,
        issued_by=actor.user if actor else None,
        total_premium=ZERO,
        total_contribution=ZERO,
        total_withheld=ZERO,
    )
    insert_regular_lines(statement, contract, month)
    in_collectivity = InsuredPerson.objects.filter(collectivity_id=contract.collectivity_id)
    insert_all(
        StatementLine, _correction_lines(statement, contract, in_collectivity, prices_of(contract), month)
    )
    totals = statement.lines.aggregate(
        premium=Sum("premium"), contribution=Sum("contribution"), count=Count("pk")
    )
    statement.total_premium = totals["premium"] or ZERO
    statement.total_contribution = totals["contribution"] or ZERO
    statement.total_withheld = statement.total_premium - statement.total_contribution
    statement.line_count = totals["count"]
    statement.save(update_fields=["total_premium", "total_contribution", "total_withheld", "line_count"])
    record(
        InsuranceEvent.STATEMENT_ISSUED,
        actor=actor,
        organisation=contract.collectivity.organisation,
        obj=statement,
    )
    publish(
        organisation=contract.collectivity.organisation,
        event=STATEMENT_ISSUED,
        data={
            "statement": statement.number,
            "collectivity": contract.collectivity.collectivity_number,
            "month": f"{month:%Y-%m}",
        },
    )
    if not contract.withholds_from_salary:
        create_invoice(contract, statement)
        return statement
    deliver(
        organisation=contract.collectivity.organisation,
        collectivity=contract.collectivity,
        kind=MessageKind.STATEMENT,
        title=_("Premium statement %(month)s, %(name)s")
        % {"month": date_format(month, "F Y"), "name": contract.collectivity.name},
        link=reverse(
            "insurance:statement",
            kwargs={"org": contract.collectivity.organisation.slug, "statement_id": statement.pk},
        ),
    )
    return statement


def _correction_lines(
    statement: Statement,
    contract: InsuranceContract,
    in_collectivity: QuerySet[InsuredPerson],
    prices: dict[int, list[Price]],
    month: datetime.date,
) -> list[StatementLine]:
    issued = Statement.objects.filter(collectivity_id=contract.collectivity_id, month__lt=month).exclude(
        pk=statement.pk
    )
    previous = issued.order_by("-issued_at").first()
    if previous is None:
        return []
    issued_months = set(issued.values_list("month", flat=True))
    changed = Mutation.objects.filter(
        collectivity_id=contract.collectivity_id,
        premium_effect=True,
        entered_at__gt=previous.issued_at,
        effective_date__lt=month,
    ).values_list("insured_id", "effective_date")
    first_month: dict[int, datetime.date] = {}
    for insured, effective in changed:
        first_month[insured] = min(first_month.get(insured, month), month_start(effective))
    if not first_month:
        return []
    people = people_of(in_collectivity.filter(pk__in=first_month))
    holders = people_of(in_collectivity.filter(pk__in={p.holder_id for p in people.values()}))
    coverages = coverages_of(people)
    billed = _billed(contract, list(people))
    lines = []
    for person in people.values():
        holder = holders.get(person.holder_id, person)
        for period in sorted(m for m in issued_months if m >= first_month[person.pk]):
            should = expected(person, coverages[person.pk], prices, period)
            was = billed.get((person.pk, period), {})
            for product in sorted(set(should) | set(was)):
                now = should.get(product, Amounts(0, ZERO, ZERO))
                premium, contribution = was.get(product, (ZERO, ZERO))
                if now.premium != premium or now.contribution != contribution:
                    difference = Amounts(now.days, now.premium - premium, now.contribution - contribution)
                    lines.append(
                        make_line(statement, person, holder, product, period, LineKind.CORRECTION, difference)
                    )
    return lines


def _billed(
    contract: InsuranceContract, person_ids: list[int]
) -> dict[tuple[int, datetime.date], dict[int, tuple[Decimal, Decimal]]]:
    """Everything billed so far per person, month and product (regular lines and earlier corrections)."""
    billed: dict[tuple[int, datetime.date], dict[int, tuple[Decimal, Decimal]]] = defaultdict(dict)
    rows = (
        StatementLine.objects.filter(
            statement__collectivity_id=contract.collectivity_id, insured_id__in=person_ids
        )
        .values("insured_id", "period", "product_id")
        .annotate(premium=Sum("premium"), contribution=Sum("contribution"))
    )
    for row in rows:
        billed[(row["insured_id"], row["period"])][row["product_id"]] = (row["premium"], row["contribution"])
    return billed


def statements(actor: Actor) -> QuerySet[Statement]:
    """Statements to withhold from salary (a centrally paid month is an invoice's specification)."""
    require(actor, Perm.INSURANCE)
    return scope(Statement, actor).filter(invoice__isnull=True).select_related("collectivity")


def get_statement(actor: Actor, statement_id: int) -> Statement:
    require(actor, Perm.INSURANCE)
    statement: Statement = get_or_404(
        Statement.objects.select_related("collectivity"), actor, pk=statement_id
    )
    return statement


def policyholder_totals(statement: Statement) -> QuerySet[StatementLine, dict[str, Any]]:
    """Per policyholder (with family): premium, contribution and what to withhold, in name order (a
    query, so a page of the statement reads one page of it along the index; grouped in the index's
    column order, which PostgreSQL before 17 needs to use it)."""
    return (
        statement.lines.values("holder_name", "holder_policy_number", "holder_employee_number")
        .annotate(premium=Sum("premium"), contribution=Sum("contribution"), withheld=Sum("withheld"))
        .order_by("holder_name", "holder_policy_number", "holder_employee_number")
    )


def relation_label(relation: str) -> str:
    return str(Relation(relation).label)
