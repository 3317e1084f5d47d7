"""The desk's side of provider invoices: approve (which schedules payment), reject with a reason the
provider reads, correct a line before approval, correct afterwards on the next statement; export the
payments that are due as a SEPA credit-transfer file (pain.001.001.03, made by sepaxml) and mark them paid."""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum import iban as iban_number

from werkzorg.access import Actor, Perm, require
from werkzorg.audit.services import record
from werkzorg.billing.models import (
    APPROVED_STATUSES,
    Adjustment,
    AdjustmentKind,
    BillingEvent,
    InvoiceLine,
    InvoiceStatus,
    Payer,
    PaymentBatch,
    ProviderAccount,
    ProviderInvoice,
)
from werkzorg.billing.pricing import ZERO
from werkzorg.billing.services.budget import used_in, warn_if_nearly_used
from werkzorg.billing.services.invoices import make_line, set_totals
from werkzorg.core.errors import ConflictError, DomainError

DEFAULT_PAYMENT_TERM_DAYS = 30


def _locked(invoice_id: int) -> ProviderInvoice:
    return (
        ProviderInvoice.objects.select_for_update(of=("self",))
        .select_related("request", "provider")
        .defer("file")
        .get(pk=invoice_id)
    )


def account_of(provider: Any) -> ProviderAccount | None:
    try:
        account: ProviderAccount = provider.billing_account
    except ProviderAccount.DoesNotExist:
        return None
    return account


def decide_invoice(
    *, actor: Actor, invoice_id: int, approve: bool, reason: str = "", today: datetime.date | None = None
) -> ProviderInvoice:
    require(actor, Perm.DESK_BILLING)
    if not approve and not reason.strip():
        raise DomainError(_("Give the reason for the rejection; the provider reads it."), field="reason")
    today = today or timezone.localdate()
    with transaction.atomic(durable=True):
        invoice = _locked(invoice_id)
        if invoice.status != InvoiceStatus.SUBMITTED:
            raise ConflictError(_("This invoice was decided already."))
        invoice.decided_by = actor.user
        invoice.decided_at = timezone.now()
        if approve:
            from_budget = invoice.lines.filter(payer=Payer.VITALITY_BUDGET).aggregate(s=Sum("net"))["s"]
            before = used_in(invoice.organisation, invoice.period_end.year) if from_budget else ZERO
            account = account_of(invoice.provider)
            term = account.payment_term_days if account else DEFAULT_PAYMENT_TERM_DAYS
            invoice.status = InvoiceStatus.APPROVED
            invoice.payment_due = max(today, invoice.invoice_date + datetime.timedelta(days=term))
            if reason.strip():
                invoice.reason = reason.strip()[:300]
        else:
            invoice.status = InvoiceStatus.REJECTED
            invoice.reason = reason.strip()[:300]
            invoice.lines.update(active=False)  # its appointments may be invoiced again
        invoice.save()
        if approve and from_budget:
            year = invoice.period_end.year
            warn_if_nearly_used(invoice.organisation, year, before, used_in(invoice.organisation, year))
        record(
            BillingEvent.INVOICE_DECIDED,
            actor=actor,
            organisation=invoice.organisation,
            obj=invoice,
            detail=str(invoice.status),
        )
    return invoice


def correct_line(
    *, actor: Actor, line_id: int, amount_excl_vat: Decimal, payer: str, reason: str
) -> ProviderInvoice:
    """Before approval the desk may lower a line's amount or change who pays it; the reason is kept on the
    invoice, where the provider reads it."""
    require(actor, Perm.DESK_BILLING)
    if not reason.strip():
        raise DomainError(_("Say why you correct the line; the provider reads it."), field="reason")
    if payer not in Payer.values:
        raise DomainError(_("Choose who pays the line."), field="payer")
    with transaction.atomic(durable=True):
        line = InvoiceLine.objects.select_related("invoice__request").get(pk=line_id)
        invoice = _locked(line.invoice_id)
        if invoice.status != InvoiceStatus.SUBMITTED:
            raise ConflictError(_("Only an invoice that waits for a decision can be corrected."))
        if amount_excl_vat < 0 or amount_excl_vat > line.amount_excl_vat:
            raise DomainError(
                _("A correction may lower the amount (at most %(amount)s), not raise it.")
                % {"amount": line.amount_excl_vat},
                field="amount_excl_vat",
            )
        fresh = make_line(
            request=invoice.request,
            kind=line.kind,
            description=line.description,
            service_date=line.service_date,
            amount_excl_vat=amount_excl_vat,
            vat_rate=line.vat_rate,
            offset=min(line.offset, amount_excl_vat + line.vat),
            payer=payer,
        )
        for name in ("amount_excl_vat", "vat", "gross", "offset", "net", "payer"):
            setattr(line, name, getattr(fresh, name))
        line.save()
        set_totals(invoice, list(invoice.lines.all()))
        invoice.reason = reason.strip()[:300]
        invoice.save()
        record(BillingEvent.INVOICE_CORRECTED, actor=actor, organisation=invoice.organisation, obj=invoice)
    return invoice


def correct_after_approval(*, actor: Actor, invoice_id: int, amount: Decimal, reason: str) -> Adjustment:
    """A difference found after approval (a credit is negative): a correction line on the employer's next
    statement; an issued statement never changes."""
    require(actor, Perm.DESK_BILLING)
    if not reason.strip() or not amount:
        raise DomainError(_("Give the amount (not zero) and the reason of the correction."))
    with transaction.atomic(durable=True):
        invoice = _locked(invoice_id)
        if invoice.status not in APPROVED_STATUSES:
            raise ConflictError(_("Correct an invoice that waits for a decision in its lines instead."))
        payer = invoice.lines.values_list("payer", flat=True).first() or Payer.EMPLOYER
        adjustment = Adjustment.objects.create(
            organisation=invoice.organisation,
            invoice=invoice,
            kind=AdjustmentKind.DESK_CORRECTION,
            amount=amount,
            payer=payer,
            reason=reason.strip()[:300],
            created_by=actor.user,
        )
        record(BillingEvent.INVOICE_CORRECTED, actor=actor, organisation=invoice.organisation, obj=invoice)
    return adjustment


def export_payments(*, actor: Actor, execution_date: datetime.date) -> PaymentBatch:
    """Every approved invoice due on or before the execution date, and every unpaid rest of a rejected
    claim, paid to its provider in one transfer per provider. Providers without an account are left for
    the next run (the desk is told which)."""
    require(actor, Perm.DESK_BILLING)
    from sepaxml import SepaTransfer

    with transaction.atomic(durable=True):
        invoices = list(
            ProviderInvoice.objects.select_for_update()
            .filter(status=InvoiceStatus.APPROVED, payment_due__lte=execution_date, batch__isnull=True)
            .defer("file")
        )
        adjustments = list(
            Adjustment.objects.select_for_update()
            .filter(pays_provider=True, batch__isnull=True, amount__gt=0)
            .filter(
                Q(invoice__status__in=[InvoiceStatus.EXPORTED, InvoiceStatus.PAID])
                | Q(invoice__in=[i.pk for i in invoices])
            )
            .select_related("invoice")
        )
        accounts = {a.provider_id: a for a in ProviderAccount.objects.select_related("provider")}
        owed: dict[int, Decimal] = defaultdict(lambda: ZERO)
        numbers: dict[int, list[str]] = defaultdict(list)
        for invoice in invoices:
            owed[invoice.provider_id] += invoice.total_net
            numbers[invoice.provider_id].append(invoice.number)
        for adjustment in adjustments:
            owed[adjustment.invoice.provider_id] += adjustment.amount
            numbers[adjustment.invoice.provider_id].append(adjustment.invoice.number)
        payable = {p: amount for p, amount in owed.items() if p in accounts and amount > 0}
        if not payable:
            raise DomainError(_("No payments are due on that date for providers with a bank account."))
        transfer = SepaTransfer(
            {
                "name": settings.SEPA_DEBTOR_NAME,
                "IBAN": settings.SEPA_DEBTOR_IBAN,
                "BIC": settings.SEPA_DEBTOR_BIC,
                "batch": True,
                "currency": "EUR",
            },
            clean=True,
        )
        for provider_id, amount in sorted(payable.items()):
            account = accounts[provider_id]
            transfer.add_payment(
                {
                    "name": account.account_holder,
                    "IBAN": iban_number.compact(account.iban),
                    "BIC": account.bic,
                    "amount": int(amount * 100),
                    "execution_date": execution_date,
                    "description": _("Invoices %(numbers)s") % {"numbers": ", ".join(numbers[provider_id])},
                }
            )
        batch = PaymentBatch.objects.create(
            created_by=actor.user,
            execution_date=execution_date,
            xml=transfer.export(validate=True),
            payment_count=len(payable),
            total=sum(payable.values(), ZERO),
        )
        paid_invoices = [i.pk for i in invoices if i.provider_id in payable]
        ProviderInvoice.objects.filter(pk__in=paid_invoices).update(
            status=InvoiceStatus.EXPORTED, batch=batch
        )
        Adjustment.objects.filter(
            pk__in=[a.pk for a in adjustments if a.invoice.provider_id in payable]
        ).update(batch=batch)
        record(BillingEvent.PAYMENTS_EXPORTED, actor=actor, obj=batch, detail=f"{len(payable)} payments")
    return batch


def providers_without_account() -> list[str]:
    """Providers with approved invoices the desk cannot pay yet: no bank account registered."""
    with_account = ProviderAccount.objects.values("provider_id")
    return sorted(
        set(
            ProviderInvoice.objects.filter(status=InvoiceStatus.APPROVED)
            .exclude(provider_id__in=with_account)
            .values_list("provider__name", flat=True)
        )
    )


def mark_batch_paid(*, actor: Actor, batch_id: int) -> PaymentBatch:
    require(actor, Perm.DESK_BILLING)
    with transaction.atomic(durable=True):
        batch = PaymentBatch.objects.select_for_update().get(pk=batch_id)
        if batch.paid_at is not None:
            raise ConflictError(_("This payment run is marked as paid already."))
        batch.paid_at = timezone.now()
        batch.save(update_fields=["paid_at"])
        batch.invoices.update(status=InvoiceStatus.PAID, paid_at=batch.paid_at)
        record(BillingEvent.PAYMENTS_PAID, actor=actor, obj=batch)
    return batch
