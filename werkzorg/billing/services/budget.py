"""The vitality budget: what approved declarations and the lines of approved provider invoices paid from
the budget (and their corrections) used in a year, the monthly burn-down, and the warning before it runs out."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Sum
from django.db.models.functions import ExtractMonth

from werkzorg.access import Actor, Perm, require, scope
from werkzorg.access.policy import SUPERUSER_LOOKUP
from werkzorg.audit.services import record
from werkzorg.billing.models import (
    APPROVED_STATUSES,
    BillingEvent,
    Declaration,
    DeclarationStatus,
    InvoiceLine,
    InvoiceStatus,
    Payer,
    VitalityBudget,
)
from werkzorg.notifications.services import send_email

# The main account holder hears once when the year's consumption passes this share of the budget.
WARNING_SHARE = Decimal("0.9")


def _used_per_month(organisation: Any, year: int) -> dict[int, Decimal]:
    """Three grouped aggregates: declarations by invoice date, invoice lines by service date, corrections
    by the day they were made."""
    used: dict[int, Decimal] = dict.fromkeys(range(1, 13), Decimal(0))
    sources = [
        organisation.declaration_set.filter(status=DeclarationStatus.APPROVED, invoice_date__year=year)
        .values_list(ExtractMonth("invoice_date"))
        .annotate(s=Sum("amount")),
        organisation.billing_lines.filter(
            active=True,
            payer=Payer.VITALITY_BUDGET,
            invoice__status__in=APPROVED_STATUSES,
            service_date__year=year,
        )
        .values_list(ExtractMonth("service_date"))
        .annotate(s=Sum("net")),
        organisation.billing_adjustments.filter(payer=Payer.VITALITY_BUDGET, created_at__year=year)
        .values_list(ExtractMonth("created_at"))
        .annotate(s=Sum("amount")),
    ]
    for source in sources:
        for month, total in source.order_by():
            used[month] += total or Decimal(0)
    return used


def used_in(organisation: Any, year: int) -> Decimal:
    return sum(_used_per_month(organisation, year).values(), Decimal(0))


def warn_if_nearly_used(organisation: Any, year: int, before: Decimal, after: Decimal) -> None:
    budget = organisation.vitalitybudget_set.filter(year=year).first()
    if budget is None or not budget.amount:
        return
    threshold = budget.amount * WARNING_SHARE
    if before < threshold <= after:
        for email in organisation.memberships.filter(user__is_active=True, **SUPERUSER_LOOKUP).values_list(
            "user__email", flat=True
        ):
            send_email(
                email,
                "billing_budget_warning",
                {"organisation": organisation.name, "year": year,
                 "url": f"{settings.SITE_URL}/o/{organisation.slug}/vitaliteitsbudget/"},
            )  # fmt: skip
        record(BillingEvent.BUDGET_WARNING, organisation=organisation, obj=budget, detail=str(year))


@dataclass
class BudgetOverview:
    year: int
    amount: Decimal | None
    used: Decimal
    pending: Decimal
    months: list[tuple[datetime.date, Decimal]]

    @property
    def remaining(self) -> Decimal | None:
        return None if self.amount is None else self.amount - self.used


def budget_overview(actor: Actor, year: int) -> BudgetOverview:
    """The year's budget, what was used, what waits for the desk, and the remaining budget at the end of
    each month (the burn-down)."""
    if not (Perm.REPORTS in actor.perms or Perm.DECLARE_INVOICES in actor.perms):
        require(actor, Perm.REPORTS)
    budget = scope(VitalityBudget, actor).filter(year=year).first()
    used = _used_per_month(actor.organisation, year)
    pending = scope(Declaration, actor, aggregate=True).filter(
        invoice_date__year=year, status=DeclarationStatus.SUBMITTED
    ).aggregate(s=Sum("amount"))["s"] or Decimal(0)
    pending += scope(InvoiceLine, actor, aggregate=True).filter(
        active=True,
        payer=Payer.VITALITY_BUDGET,
        service_date__year=year,
        invoice__status=InvoiceStatus.SUBMITTED,
    ).aggregate(s=Sum("net"))["s"] or Decimal(0)
    amount = budget.amount if budget else None
    months, running = [], Decimal(0)
    for month in range(1, 13):
        running += used[month]
        months.append((datetime.date(year, month, 1), (amount or Decimal(0)) - running))
    return BudgetOverview(year, amount, running, pending, months)
