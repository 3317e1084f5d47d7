"""Premium invoices of collectivities that pay centrally, and their payment reminders in the inbox."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, require, scope
from werkzorg.inbox.models import MessageKind
from werkzorg.inbox.services import deliver
from werkzorg.insurance.models import InsuranceContract, PremiumInvoice, Statement

INVOICE_TERM_DAYS = 30


def create_invoice(contract: InsuranceContract, statement: Statement) -> PremiumInvoice:
    """Paid centrally: the employer pays the whole premium by invoice; the statement is its specification."""
    invoice = PremiumInvoice.objects.create(
        statement=statement,
        collectivity_id=contract.collectivity_id,
        number=statement.number.replace("BOR-", "FAC-"),
        amount=statement.total_premium,
        due_date=statement.month + datetime.timedelta(days=INVOICE_TERM_DAYS),
    )
    deliver(
        organisation=contract.collectivity.organisation,
        collectivity=contract.collectivity,
        kind=MessageKind.INVOICE,
        title=_("Premium invoice %(number)s, %(month)s")
        % {"number": invoice.number, "month": date_format(statement.month, "F Y")},
        body=_("Amount: € %(amount)s. Please pay before %(date)s, stating the invoice number.")
        % {
            "amount": f"{invoice.amount:.2f}".replace(".", ","),
            "date": date_format(invoice.due_date, "j F Y"),
        },
    )
    return invoice


def send_payment_reminders(today: datetime.date) -> int:
    """Open invoices past their due date get one reminder in the inbox (the beat task asks daily)."""
    overdue = PremiumInvoice.objects.filter(
        paid_on__isnull=True, due_date__lt=today, reminded_at__isnull=True
    )
    count = 0
    for invoice in overdue.select_related("collectivity__organisation"):
        with transaction.atomic(durable=True):
            if not PremiumInvoice.objects.filter(pk=invoice.pk, reminded_at__isnull=True).update(
                reminded_at=timezone.now()
            ):
                continue
            deliver(
                organisation=invoice.collectivity.organisation,
                collectivity=invoice.collectivity,
                kind=MessageKind.REMINDER,
                title=_("Payment reminder for invoice %(number)s") % {"number": invoice.number},
                body=_(
                    "We have not yet received € %(amount)s, due on %(date)s. Please pay it now; "
                    "if you already did, thank you and ignore this message."
                )
                % {
                    "amount": f"{invoice.amount:.2f}".replace(".", ","),
                    "date": date_format(invoice.due_date, "j F Y"),
                },
            )
            count += 1
    return count


def invoices(actor: Actor) -> QuerySet[PremiumInvoice]:
    require(actor, Perm.INSURANCE)
    return scope(PremiumInvoice, actor).select_related("collectivity", "statement")
