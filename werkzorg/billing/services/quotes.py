"""Extra work outside a fixed-fee package: the desk quotes, the main account holder accepts or declines,
the desk records delivery, and the quarter's statement bills it (seed: "meerwerk op offertebasis")."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, get_or_404, require, scope
from werkzorg.audit.services import record
from werkzorg.billing.models import VAT_RATES, BillingEvent, Quote, QuoteStatus
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.organisations.models import Organisation


def make_quote(
    *, actor: Actor, organisation: Organisation, description: str, amount: Decimal, vat_rate: Decimal
) -> Quote:
    require(actor, Perm.DESK_BILLING)
    if not description.strip() or amount <= 0 or vat_rate not in {rate for rate, _label in VAT_RATES}:
        raise DomainError(_("A quote needs a description, an amount above zero and a VAT rate."))
    with transaction.atomic(durable=True):
        quote = Quote.objects.create(
            organisation=organisation,
            description=description.strip()[:300],
            amount=amount,
            vat_rate=vat_rate,
            quoted_by=actor.user,
        )
        record(BillingEvent.QUOTE_MADE, actor=actor, organisation=organisation, obj=quote)
    return quote


def quotes(actor: Actor) -> QuerySet[Quote]:
    require(actor, Perm.BILLING_STATEMENTS)
    return scope(Quote, actor).order_by("-created_at", "-id")


def decide_quote(*, actor: Actor, quote_id: int, accept: bool) -> Quote:
    require(actor, Perm.BILLING_STATEMENTS)
    with transaction.atomic(durable=True):
        quote = get_or_404(Quote.objects.select_for_update(), actor, pk=quote_id)
        if quote.status != QuoteStatus.QUOTED:
            raise ConflictError(_("This quote was answered already."))
        quote.status = QuoteStatus.ACCEPTED if accept else QuoteStatus.DECLINED
        quote.decided_by = actor.user
        quote.decided_at = timezone.now()
        quote.save()
        record(BillingEvent.QUOTE_DECIDED, actor=actor, obj=quote, detail=str(quote.status))
    return quote


def mark_delivered(*, actor: Actor, quote_id: int, delivered_on: datetime.date) -> Quote:
    require(actor, Perm.DESK_BILLING)
    with transaction.atomic(durable=True):
        quote = Quote.objects.select_for_update().get(pk=quote_id)
        if quote.status != QuoteStatus.ACCEPTED or quote.statement_id is not None:
            raise ConflictError(_("Only an accepted quote that is not billed yet can be delivered."))
        quote.delivered_on = delivered_on
        quote.save(update_fields=["delivered_on", "updated_at"])
    return quote
