"""The quarterly collective statement (verzamelblad): issued once per organisation (or collectivity) and
quarter after the quarter ended, by the scheduler or the desk; read by the main account holder only.

What goes on it: every line of invoices the desk approved before the quarter's end and that is on no
statement yet, corrections found since (claims the employee's insurer did not pay, the desk's corrections),
the quarter's fixed fee and delivered extra work. Lines are copied onto the statement, so an issued
statement never changes; issuing again returns the statement that exists.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, require
from werkzorg.access.policy import SUPERUSER_LOOKUP
from werkzorg.audit.services import record
from werkzorg.billing.models import (
    APPROVED_STATUSES,
    EMPLOYER_PAYS,
    Adjustment,
    BillingContract,
    BillingEvent,
    CollectiveStatement,
    InvoiceLine,
    Payer,
    Quote,
    QuoteStatus,
    StatementLine,
    StatementLineKind,
)
from werkzorg.billing.pricing import ZERO, fixed_fee_for_quarter, quarter_bounds, vat_of
from werkzorg.billing.services.statement_files import statement_pdf
from werkzorg.core.bulk import insert_all
from werkzorg.core.errors import DomainError
from werkzorg.inbox.models import MessageKind
from werkzorg.inbox.services import deliver
from werkzorg.notifications.services import send_email
from werkzorg.organisations.models import Collectivity, Organisation


def statement_number(organisation: Organisation, year: int, quarter: int, collectivity: Any = None) -> str:
    suffix = f"-{collectivity.collectivity_number}" if collectivity is not None else ""
    return f"VZ{year}Q{quarter}-{organisation.pk:05d}{suffix}"


def issue_quarter(
    *,
    actor: Actor | None,
    organisation: Organisation,
    year: int,
    quarter: int,
    today: datetime.date | None = None,
) -> list[CollectiveStatement]:
    """The quarter's statements of one organisation (one, or one per collectivity plus one for the fixed
    fee and extra work when its contract asks). Nothing to bill: no statement."""
    if actor is not None:
        require(actor, Perm.DESK_BILLING)
    today = today or timezone.localdate()
    if quarter not in (1, 2, 3, 4) or quarter_bounds(year, quarter)[1] >= today:
        raise DomainError(_("A statement is issued after its quarter has ended."))
    with transaction.atomic():
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()  # one issuer at a time
        contract = organisation.billingcontract_set.first()
        if contract is None or not contract.statement_per_collectivity:
            groups: list[Collectivity | None] = [None]
        else:
            groups = [
                *organisation.collectivities.order_by("collectivity_number"),
                None,
            ]
        issued = []
        for collectivity in groups:
            statement = _issue_one(actor, organisation, contract, year, quarter, collectivity)
            if statement is not None:
                issued.append(statement)
    return issued


@dataclass(frozen=True)
class _Sources:
    lines: QuerySet[InvoiceLine]
    adjustments: QuerySet[Adjustment]
    quotes: QuerySet[Quote]


def _sources(
    organisation: Organisation, contract: BillingContract | None, end: datetime.date, collectivity: Any
) -> _Sources:
    cutoff = timezone.make_aware(datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time()))
    lines = organisation.billing_lines.filter(
        active=True,
        statement__isnull=True,
        invoice__status__in=APPROVED_STATUSES,
        invoice__decided_at__lt=cutoff,
    )
    adjustments = organisation.billing_adjustments.filter(
        statement__isnull=True,
        created_at__lt=cutoff,
        invoice__status__in=APPROVED_STATUSES,
    )
    quotes = organisation.quote_set.filter(
        status=QuoteStatus.ACCEPTED, delivered_on__lte=end, statement__isnull=True
    )
    per_collectivity = contract is not None and contract.statement_per_collectivity
    if per_collectivity and collectivity is not None:
        lines = lines.filter(invoice__request__collectivity=collectivity)
        adjustments = adjustments.filter(invoice__request__collectivity=collectivity)
        quotes = quotes.none()
    elif per_collectivity:
        lines, adjustments = lines.none(), adjustments.none()
    return _Sources(lines, adjustments, quotes)


def _issue_one(
    actor: Actor | None,
    organisation: Organisation,
    contract: BillingContract | None,
    year: int,
    quarter: int,
    collectivity: Any,
) -> CollectiveStatement | None:
    number = statement_number(organisation, year, quarter, collectivity)
    existing = CollectiveStatement.objects.filter(number=number).first()
    if existing is not None:
        return existing
    start, end = quarter_bounds(year, quarter)
    sources = _sources(organisation, contract, end, collectivity)
    statement = CollectiveStatement(
        organisation=organisation,
        collectivity=collectivity,
        number=number,
        year=year,
        quarter=quarter,
        issued_by=actor.user if actor else None,
        contract_kind=contract.kind if contract else "",
    )
    lines: list[StatementLine] = []
    if collectivity is None and _fee_runs(contract, start, end):
        assert contract is not None
        statement.headcount = headcount_on(organisation, start)
        statement.headcount_date = start
        lines.append(_fixed_fee_line(contract, statement.headcount, start, end))
    lines += [_extra_line(quote) for quote in sources.quotes.order_by("delivered_on", "pk")]
    lines += _invoice_lines(sources.lines)
    lines += _correction_lines(sources.adjustments)
    if not lines:
        return None
    statement.total = sum((line.to_pay for line in lines), ZERO)
    statement.line_count = len(lines)
    statement.save()
    for position, line in enumerate(lines, start=1):
        line.statement = statement
        line.position = position
    insert_all(StatementLine, lines)
    sources.lines.update(statement=statement)
    sources.adjustments.update(statement=statement)
    sources.quotes.update(statement=statement)
    statement.pdf = statement_pdf(statement)
    statement.save(update_fields=["pdf"])
    record(BillingEvent.STATEMENT_ISSUED, actor=actor, organisation=organisation, obj=statement)
    _announce(statement)
    return statement


def _fee_runs(contract: BillingContract | None, start: datetime.date, end: datetime.date) -> bool:
    """A fixed fee is billed for every quarter the contract runs in (its reference date: the first day)."""
    return bool(
        contract is not None
        and contract.is_fixed_fee
        and contract.fee_per_employee
        and contract.start_date <= end
        and (contract.end_date is None or contract.end_date >= start)
    )


def headcount_on(organisation: Organisation, day: datetime.date) -> int:
    """Employees in the register employed on `day` (the fixed fee's reference date)."""
    return (
        organisation.employee_set.filter(Q(employment_start__isnull=True) | Q(employment_start__lte=day))
        .filter(Q(employment_end__isnull=True) | Q(employment_end__gte=day))
        .count()
    )


def _period(start: datetime.date, end: datetime.date) -> str:
    return f"{start:%d-%m-%Y} - {end:%d-%m-%Y}"


def _fixed_fee_line(
    contract: BillingContract, headcount: int, start: datetime.date, end: datetime.date
) -> StatementLine:
    fee = contract.fee_per_employee or ZERO
    amount = fixed_fee_for_quarter(fee, headcount)
    gross = amount + vat_of(amount, contract.fee_vat_rate)
    return StatementLine(
        kind=StatementLineKind.FIXED_FEE,
        period=_period(start, end),
        description=_("Fixed fee: %(count)s employees on %(date)s x EUR %(fee)s a year / 4, incl. VAT")
        % {"count": headcount, "date": start.strftime("%d-%m-%Y"), "fee": fee},
        gross=gross,
        offset=ZERO,
        net=gross,
        payer=Payer.EMPLOYER,
        to_pay=gross,
    )


def _extra_line(quote: Quote) -> StatementLine:
    gross = quote.amount + vat_of(quote.amount, quote.vat_rate)
    delivered = quote.delivered_on or datetime.date.min
    return StatementLine(
        kind=StatementLineKind.EXTRA,
        period=delivered.strftime("%d-%m-%Y"),
        description=_("Extra work on quotation: %(what)s") % {"what": quote.description},
        gross=gross,
        offset=ZERO,
        net=gross,
        payer=Payer.EMPLOYER,
        to_pay=gross,
    )


def _invoice_lines(lines: QuerySet[InvoiceLine]) -> list[StatementLine]:
    rows = lines.order_by("invoice__request__number", "service_date", "pk").values_list(
        "invoice__request__number", "invoice__request__intervention__title", "invoice__provider__name",
        "service_date", "description", "gross", "offset", "net", "payer", "invoice_id",
    )  # fmt: skip
    return [
        StatementLine(
            kind=StatementLineKind.INTERVENTION,
            request_number=number,
            intervention=title[:200],
            provider=provider[:200],
            period=day.strftime("%d-%m-%Y"),
            description=description[:300],
            gross=gross,
            offset=offset,
            net=net,
            payer=payer,
            to_pay=net if payer in EMPLOYER_PAYS else ZERO,
            invoice_id=invoice_id,
        )
        for number, title, provider, day, description, gross, offset, net, payer, invoice_id in rows.iterator(
            chunk_size=2000
        )
    ]


def _correction_lines(adjustments: QuerySet[Adjustment]) -> list[StatementLine]:
    rows = adjustments.order_by("created_at", "pk").values_list(
        "invoice__request__number", "invoice__request__intervention__title", "invoice__provider__name",
        "invoice__period_start", "invoice__period_end", "reason", "amount", "payer", "invoice_id",
    )  # fmt: skip
    return [
        StatementLine(
            kind=StatementLineKind.CORRECTION,
            request_number=number,
            intervention=title[:200],
            provider=provider[:200],
            period=_period(start, end),
            description=reason,
            gross=amount,
            offset=ZERO,
            net=amount,
            payer=payer,
            to_pay=amount if payer in EMPLOYER_PAYS else ZERO,
            invoice_id=invoice_id,
        )
        for number, title, provider, start, end, reason, amount, payer, invoice_id in rows
    ]


def _announce(statement: CollectiveStatement) -> None:
    """To each main account holder: an inbox message of their own and an e-mail without amounts or names."""
    organisation = statement.organisation
    link = reverse(
        "billing:statement", kwargs={"org": organisation.slug, "collective_statement_id": statement.pk}
    )
    holders = list(
        organisation.memberships.filter(user__is_active=True, **SUPERUSER_LOOKUP).select_related("user")
    )
    for membership in holders:
        deliver(
            organisation=organisation,
            recipient=membership.user,
            kind=MessageKind.COLLECTIVE_STATEMENT,
            title=_("Collective statement %(period)s (%(number)s)")
            % {"period": statement.period_label, "number": statement.number},
            link=link,
        )
        send_email(
            membership.user.email,
            "billing_statement_issued",
            {"period": statement.period_label, "url": f"{settings.SITE_URL}{link}"},
        )


def organisations_to_bill() -> list[int]:
    """The organisations the scheduler issues for: something to bill, or a fixed-fee contract."""
    with_lines = InvoiceLine.objects.filter(statement__isnull=True, active=True).values("organisation_id")
    with_adjustments = Adjustment.objects.filter(statement__isnull=True).values("organisation_id")
    with_quotes = Quote.objects.filter(status=QuoteStatus.ACCEPTED, statement__isnull=True).values(
        "organisation_id"
    )
    fixed = BillingContract.objects.filter(kind="fixed_fee").values("organisation_id")
    return list(
        Organisation.objects.filter(
            Q(pk__in=with_lines) | Q(pk__in=with_adjustments) | Q(pk__in=with_quotes) | Q(pk__in=fixed)
        ).values_list("pk", flat=True)
    )
