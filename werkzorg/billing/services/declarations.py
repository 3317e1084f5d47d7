"""Declarations against the vitality budget: declared by the declare role, decided by the desk."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, get_or_404, require, scope
from werkzorg.audit.services import record
from werkzorg.billing.models import BillingEvent, Declaration, DeclarationStatus
from werkzorg.billing.services.budget import used_in, warn_if_nearly_used
from werkzorg.billing.services.files import check_pdf
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.employees.models import Employee

# An invoice may be declared up to this many days after its date (the budget year and the one before).
DECLARE_BACK_DAYS = 730


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
    check_pdf(invoice.file_name, invoice.content)
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
            file_name=invoice.file_name,
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
            warn_if_nearly_used(locked.organisation, year, before, before + locked.amount)
    return locked


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
