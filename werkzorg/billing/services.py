"""Declarations against the vitality budget: declared by the declare role, decided by the desk."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, get_or_404, require, scope
from werkzorg.access.policy import SUPERUSER_LOOKUP
from werkzorg.audit.services import record
from werkzorg.billing.models import BillingEvent, Declaration, DeclarationStatus, VitalityBudget
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.employees.models import Employee
from werkzorg.notifications.services import send_email

MAX_INVOICE_BYTES = 10 * 1024 * 1024
# An invoice may be declared up to this many days after its date (the budget year and the one before).
DECLARE_BACK_DAYS = 730
# The main account holder hears once when approved declarations pass this share of the year's budget.
WARNING_SHARE = Decimal("0.9")


@dataclass(frozen=True)
class Invoice:
    provider_name: str
    invoice_number: str
    invoice_date: datetime.date
    amount: Decimal
    category: str
    file_name: str
    content: bytes
    employee_number: str = ""


def declare(*, actor: Actor, invoice: Invoice, today: datetime.date | None = None) -> Declaration:
    """Checks the file (a PDF, not too large), the date and the amount, then stores it for the desk."""
    require(actor, Perm.DECLARE_INVOICES)
    today = today or timezone.localdate()
    if not invoice.content.startswith(b"%PDF-"):
        raise DomainError(_("Upload the invoice as a PDF file."), field="file")
    if len(invoice.content) > MAX_INVOICE_BYTES:
        raise DomainError(_("The file is larger than 10 MB."), field="file")
    if invoice.amount <= 0:
        raise DomainError(_("Enter an amount above zero."), field="amount")
    if invoice.invoice_date > today or invoice.invoice_date < today - datetime.timedelta(
        days=DECLARE_BACK_DAYS
    ):
        raise DomainError(
            _("The invoice date lies in the future or more than two years back."), field="invoice_date"
        )
    employee = None
    if invoice.employee_number.strip():
        employee = scope(Employee, actor).filter(employee_number=invoice.employee_number.strip()).first()
        if employee is None:
            raise DomainError(_("No employee with this number in your register."), field="employee_number")
    duplicate = scope(Declaration, actor).filter(
        provider_name__iexact=invoice.provider_name.strip(), invoice_number=invoice.invoice_number.strip()
    )
    if duplicate.exists():
        raise ConflictError(_("This invoice of this provider was declared already."))
    with transaction.atomic(durable=True):
        made = Declaration.objects.create(
            organisation=actor.organisation,
            declared_by=actor.user,
            provider_name=invoice.provider_name.strip(),
            invoice_number=invoice.invoice_number.strip(),
            invoice_date=invoice.invoice_date,
            amount=invoice.amount,
            category=invoice.category,
            employee=employee,
            file=invoice.content,
            file_name=invoice.file_name[-200:] or "factuur.pdf",
        )
        record(BillingEvent.DECLARATION_SUBMITTED, actor=actor, obj=made, subject=employee)
    return made


def decide(*, actor: Actor, declaration: Declaration, approve: bool, reason: str = "") -> Declaration:
    """The desk's decision; a rejection carries a reason the declarer reads. Approval may warn the main
    account holder that the year's budget is nearly used."""
    require(actor, Perm.DESK_BILLING)
    if not approve and not reason.strip():
        raise DomainError(_("Give the reason for the rejection; the employer reads it."), field="reason")
    with transaction.atomic(durable=True):
        locked = Declaration.objects.select_for_update().get(pk=declaration.pk)
        if locked.status != DeclarationStatus.SUBMITTED:
            raise ConflictError(_("This declaration was decided already."))
        year = locked.invoice_date.year
        before = used_in(locked.organisation, year)
        locked.status = DeclarationStatus.APPROVED if approve else DeclarationStatus.REJECTED
        locked.reason = reason.strip()
        locked.decided_by = actor.user
        locked.decided_at = timezone.now()
        locked.save(update_fields=["status", "reason", "decided_by", "decided_at", "updated_at"])
        record(
            BillingEvent.DECLARATION_DECIDED,
            actor=actor,
            organisation=locked.organisation,
            obj=locked,
            detail=str(locked.status),
        )
        if approve:
            _warn_if_nearly_used(locked, year, before)
    return locked


def used_in(organisation: Any, year: int) -> Decimal:
    """Approved declarations with an invoice date in the year (the budget's consumption)."""
    total = organisation.declaration_set.filter(
        status=DeclarationStatus.APPROVED, invoice_date__year=year
    ).aggregate(total=Sum("amount"))["total"]
    return total or Decimal(0)


def _warn_if_nearly_used(declaration: Declaration, year: int, before: Decimal) -> None:
    organisation: Any = declaration.organisation
    budget = organisation.vitalitybudget_set.filter(year=year).first()
    if budget is None or not budget.amount:
        return
    threshold = budget.amount * WARNING_SHARE
    after = before + declaration.amount
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


def declarations(actor: Actor) -> QuerySet[Declaration]:
    require(actor, Perm.DECLARE_INVOICES)
    return (
        scope(Declaration, actor)
        .select_related("declared_by", "employee")
        .defer("file")  # the PDFs stay in the database until someone downloads one
        .order_by("-created_at", "-id")
    )


def declaration_file(*, actor: Actor, declaration_id: int) -> tuple[str, bytes]:
    require(actor, Perm.DECLARE_INVOICES)
    found: Declaration = get_or_404(Declaration, actor, pk=declaration_id)
    record(BillingEvent.DECLARATION_FILE_READ, actor=actor, obj=found)
    return found.file_name, bytes(found.file)


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
    """The year's budget, what approved declarations used, what is waiting, and the remaining budget at
    the end of each month (the burn-down): two statements."""
    if not (Perm.REPORTS in actor.perms or Perm.DECLARE_INVOICES in actor.perms):
        require(actor, Perm.REPORTS)
    budget = scope(VitalityBudget, actor).filter(year=year).first()
    in_year = scope(Declaration, actor).filter(invoice_date__year=year)
    approved = Q(status=DeclarationStatus.APPROVED)
    sums: dict[str, Any] = in_year.aggregate(
        used=Sum("amount", filter=approved),
        pending=Sum("amount", filter=Q(status=DeclarationStatus.SUBMITTED)),
        **{f"m{m}": Sum("amount", filter=approved & Q(invoice_date__month__lte=m)) for m in range(1, 13)},
    )
    amount = budget.amount if budget else None
    months = [
        (datetime.date(year, m, 1), (amount or Decimal(0)) - (sums[f"m{m}"] or Decimal(0)))
        for m in range(1, 13)
    ]
    return BudgetOverview(year, amount, sums["used"] or Decimal(0), sums["pending"] or Decimal(0), months)
