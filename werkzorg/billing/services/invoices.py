"""The care provider's side: invoicing a forwarded request (checked against it), the employee's consent to
claim part from their own health insurer (ontdubbelen) and the outcome of that claim."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, get_or_404, require, scope
from werkzorg.audit.services import record
from werkzorg.billing.models import (
    VAT_RATES,
    Adjustment,
    AdjustmentKind,
    BillingEvent,
    ClaimConsent,
    ClaimStatus,
    InvoiceLine,
    InvoiceStatus,
    LineKind,
    Payer,
    ProviderInvoice,
)
from werkzorg.billing.pricing import ZERO, payer_for, session_price, vat_of
from werkzorg.billing.services.files import check_pdf
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.interventions.models import Appointment, AppointmentStatus, InterventionRequest

# An invoice may be dated up to two years back (as declarations), never in the future.
INVOICE_BACK_DAYS = 730
CHARGED_KINDS = {
    AppointmentStatus.ATTENDED: LineKind.SESSION,
    AppointmentStatus.NO_SHOW: LineKind.NO_SHOW,
    AppointmentStatus.CANCELLED_LATE: LineKind.LATE_CANCELLATION,
}


@dataclass(frozen=True)
class ThirdPartyCost:
    description: str
    amount_excl_vat: Decimal
    vat_rate: Decimal
    service_date: datetime.date


@dataclass(frozen=True)
class InvoiceDraft:
    request_id: int
    number: str
    invoice_date: datetime.date
    file_name: str
    content: bytes
    appointment_ids: list[int] = field(default_factory=list)
    # Appointment id -> the part claimed from the employee's own insurer (needs their consent).
    offsets: dict[int, Decimal] = field(default_factory=dict)
    third_party: list[ThirdPartyCost] = field(default_factory=list)


def invoiceable_requests(actor: Actor) -> QuerySet[InterventionRequest]:
    """The provider's forwarded requests (the only ones it may invoice), newest first."""
    require(actor, Perm.PROVIDER_WORK)
    return (
        scope(InterventionRequest, actor)
        .select_related("intervention", "organisation")
        .order_by("-forwarded_at", "-id")
    )


def requests_to_invoice(actor: Actor) -> QuerySet[InterventionRequest]:
    """The provider's requests with a charged appointment not yet on a standing invoice."""
    invoiced = InvoiceLine.objects.filter(active=True, appointment=OuterRef("pk"))
    waiting = Appointment.objects.filter(
        request=OuterRef("pk"), chargeable=True, status__in=list(CHARGED_KINDS)
    ).exclude(Exists(invoiced))
    return invoiceable_requests(actor).filter(Exists(waiting))


def open_appointments(request: InterventionRequest) -> list[Appointment]:
    """Chargeable appointments of the request not yet on an invoice that still stands."""
    invoiced = InvoiceLine.objects.filter(active=True, appointment__isnull=False).values("appointment_id")
    return list(
        request.appointments.filter(chargeable=True, status__in=list(CHARGED_KINDS))
        .exclude(pk__in=invoiced)
        .order_by("starts_at", "id")
    )


def agreed_sessions(request: InterventionRequest) -> int:
    """The sessions of the intervention plus those of approved extensions (verlengingen)."""
    return int(request.intervention.sessions) + int(request.extra_sessions)


def submit_invoice(
    *, actor: Actor, draft: InvoiceDraft, today: datetime.date | None = None
) -> ProviderInvoice:
    """Checks everything first (file, number, date, every line against the request), then stores the
    invoice and its lines in one transaction."""
    require(actor, Perm.PROVIDER_WORK)
    today = today or timezone.localdate()
    check_pdf(draft.file_name, draft.content)
    number = draft.number.strip()
    if not number:
        raise DomainError(_("Enter your invoice number."), field="number")
    if draft.invoice_date > today or draft.invoice_date < today - datetime.timedelta(days=INVOICE_BACK_DAYS):
        raise DomainError(
            _("The invoice date lies in the future or more than two years back."), field="invoice_date"
        )
    if not draft.appointment_ids and not draft.third_party:
        raise DomainError(
            _("Choose at least one appointment or add third-party costs."), field="appointments"
        )
    with transaction.atomic(durable=True):
        request = get_or_404(
            InterventionRequest.objects.select_for_update().select_related("intervention"),
            actor,
            pk=draft.request_id,
        )
        if scope(ProviderInvoice, actor).filter(number=number).exists():
            raise ConflictError(_("You submitted an invoice with this number already."))
        contract = request.organisation.billingcontract_set.first()
        payer = payer_for(contract, request.category)
        lines = _appointment_lines(request, draft, payer) + _third_party_lines(request, draft, payer)
        dates = [line.service_date for line in lines]
        invoice = ProviderInvoice(
            provider=actor.organisation,
            organisation_id=request.organisation_id,
            request=request,
            number=number,
            invoice_date=draft.invoice_date,
            period_start=min(dates),
            period_end=max(dates),
            submitted_by=actor.user,
            file=draft.content,
            file_name=draft.file_name,
            claim_status=ClaimStatus.CLAIMED if any(line.offset for line in lines) else ClaimStatus.NONE,
        )
        set_totals(invoice, lines)
        invoice.save()
        for line in lines:
            line.invoice = invoice
        try:
            with transaction.atomic():
                InvoiceLine.objects.bulk_create(lines)
        except IntegrityError as error:  # another invoice took one of the appointments meanwhile
            raise ConflictError(_("One of these appointments is on another invoice already.")) from error
        record(BillingEvent.INVOICE_SUBMITTED, actor=actor, organisation=request.organisation, obj=invoice)
    return invoice


def _appointment_lines(request: InterventionRequest, draft: InvoiceDraft, payer: str) -> list[InvoiceLine]:
    wanted = set(draft.appointment_ids)
    if not wanted:
        if draft.offsets:
            raise DomainError(_("A claimed part belongs to an appointment on this invoice."))
        return []
    open_ones = {a.pk: a for a in open_appointments(request)}
    unknown = wanted - set(open_ones)
    if unknown:
        raise DomainError(
            _("Only charged appointments of this request that are on no other invoice can be invoiced."),
            field="appointments",
        )
    already = InvoiceLine.objects.filter(
        invoice__request=request, active=True, appointment__isnull=False
    ).count()
    if already + len(wanted) > agreed_sessions(request):
        raise DomainError(
            _(
                "%(agreed)s sessions were agreed (including approved extensions); %(already)s are invoiced "
                "already, so this invoice may hold at most %(left)s."
            )
            % {
                "agreed": agreed_sessions(request),
                "already": already,
                "left": max(agreed_sessions(request) - already, 0),
            },
            field="appointments",
        )
    consent = ClaimConsent.objects.filter(request=request).first()
    if any(draft.offsets.values()) and consent is None:
        raise DomainError(
            _(
                "Record the employee's consent to claim from their own insurer before you enter a claimed part."
            ),
            field="consent",
        )
    lines = []
    prices: dict[int, tuple[Decimal, Decimal]] = {}  # one price-list read per calendar year
    for appointment in sorted((open_ones[pk] for pk in wanted), key=lambda a: (a.starts_at, a.pk)):
        day = timezone.localdate(appointment.starts_at)
        if day.year not in prices:
            prices[day.year] = session_price(request.intervention, day.year)
        price, rate = prices[day.year]
        kind = CHARGED_KINDS[AppointmentStatus(appointment.status)]
        line = make_line(
            request=request,
            kind=kind,
            description=f"{request.intervention.title}: {LineKind(kind).label}",
            service_date=day,
            amount_excl_vat=price,
            vat_rate=rate,
            offset=draft.offsets.get(appointment.pk, ZERO),
            payer=payer,
        )
        line.appointment = appointment
        lines.append(line)
    return lines


def _third_party_lines(request: InterventionRequest, draft: InvoiceDraft, payer: str) -> list[InvoiceLine]:
    rates = {rate for rate, _label in VAT_RATES}
    lines = []
    for cost in draft.third_party:
        if not cost.description.strip() or cost.amount_excl_vat <= 0 or cost.vat_rate not in rates:
            raise DomainError(
                _("Third-party costs need a description, an amount above zero and a VAT rate of 0, 9 or 21%.")
            )
        lines.append(
            make_line(
                request=request,
                kind=LineKind.THIRD_PARTY,
                description=cost.description.strip()[:200],
                service_date=cost.service_date,
                amount_excl_vat=cost.amount_excl_vat,
                vat_rate=cost.vat_rate,
                offset=ZERO,
                payer=payer,
            )
        )
    return lines


def make_line(
    *,
    request: InterventionRequest,
    kind: str,
    description: str,
    service_date: datetime.date,
    amount_excl_vat: Decimal,
    vat_rate: Decimal,
    offset: Decimal,
    payer: str,
) -> InvoiceLine:
    """One line with its amounts rounded per line (see pricing)."""
    vat = vat_of(amount_excl_vat, vat_rate)
    gross = amount_excl_vat + vat
    if offset < 0 or offset > gross:
        raise DomainError(
            _("A claimed part lies between 0 and the line's amount incl. VAT (%(gross)s).") % {"gross": gross}
        )
    return InvoiceLine(
        organisation_id=request.organisation_id,
        kind=kind,
        description=description,
        service_date=service_date,
        amount_excl_vat=amount_excl_vat,
        vat_rate=vat_rate,
        vat=vat,
        gross=gross,
        offset=offset,
        net=gross - offset,
        payer=payer,
    )


def set_totals(invoice: ProviderInvoice, lines: list[InvoiceLine]) -> None:
    invoice.total_excl_vat = sum((line.amount_excl_vat for line in lines), ZERO)
    invoice.total_vat = sum((line.vat for line in lines), ZERO)
    invoice.total_gross = sum((line.gross for line in lines), ZERO)
    invoice.total_offset = sum((line.offset for line in lines), ZERO)
    invoice.total_net = sum((line.net for line in lines), ZERO)


def claim_consent(actor: Actor, request: InterventionRequest) -> ClaimConsent | None:
    """The employee's consent to claim from their own insurer, as the request's provider sees it."""
    require(actor, Perm.PROVIDER_WORK)
    return scope(ClaimConsent, actor).filter(request=request).first()


def provider_invoices(actor: Actor) -> QuerySet[ProviderInvoice]:
    require(actor, Perm.PROVIDER_WORK)
    return (
        scope(ProviderInvoice, actor)
        .select_related("request", "organisation")
        .defer("file")
        .order_by("-created_at", "-id")
    )


def provider_invoice(actor: Actor, invoice_id: int) -> ProviderInvoice:
    require(actor, Perm.PROVIDER_WORK)
    return get_or_404(
        ProviderInvoice.objects.select_related("request__intervention", "organisation").defer("file"),
        actor,
        pk=invoice_id,
    )


def invoice_file(*, actor: Actor, invoice_id: int) -> tuple[str, bytes]:
    require(actor, Perm.PROVIDER_WORK)
    found: ProviderInvoice = get_or_404(ProviderInvoice, actor, pk=invoice_id)
    record(BillingEvent.INVOICE_FILE_READ, actor=actor, organisation=found.organisation, obj=found)
    return found.file_name, bytes(found.file)


def record_claim_consent(
    *,
    actor: Actor,
    request_id: int,
    consented_on: datetime.date,
    insurer_name: str,
    today: datetime.date | None = None,
) -> ClaimConsent:
    """The employee's separate consent, asked before treatment starts: no session may have been held
    before the day they consented."""
    require(actor, Perm.PROVIDER_WORK)
    today = today or timezone.localdate()
    if not insurer_name.strip():
        raise DomainError(_("Enter the employee's health insurer."), field="insurer_name")
    if consented_on > today:
        raise DomainError(_("The date of consent cannot lie in the future."), field="consented_on")
    with transaction.atomic(durable=True):
        request = get_or_404(InterventionRequest.objects.select_for_update(), actor, pk=request_id)
        if ClaimConsent.objects.filter(request=request).exists():
            raise ConflictError(_("The employee's consent for this request is recorded already."))
        first_session = (
            request.appointments.filter(status=AppointmentStatus.ATTENDED).order_by("starts_at").first()
        )
        if first_session is not None and timezone.localdate(first_session.starts_at) < consented_on:
            raise DomainError(
                _(
                    "Treatment started on %(date)s, before this consent: ask for consent before treatment starts."
                )
                % {"date": date_format(timezone.localdate(first_session.starts_at))},
                field="consented_on",
            )
        consent = ClaimConsent.objects.create(
            request=request,
            provider=actor.organisation,
            consented_on=consented_on,
            insurer_name=insurer_name.strip()[:100],
            recorded_by=actor.user,
        )
        record(BillingEvent.CLAIM_CONSENT, actor=actor, organisation=request.organisation, obj=consent)
    return consent


def record_claim_outcome(*, actor: Actor, invoice_id: int, reimbursed: Decimal) -> ProviderInvoice:
    """What the employee's insurer paid of the claimed part (0 when it rejected the claim). What it did not
    pay, the employer pays after all: a correction on its next statement, and paid to the provider."""
    require(actor, Perm.PROVIDER_WORK)
    with transaction.atomic(durable=True):
        invoice = get_or_404(ProviderInvoice.objects.select_for_update().defer("file"), actor, pk=invoice_id)
        if invoice.claim_status != ClaimStatus.CLAIMED:
            raise ConflictError(_("This invoice has no claim waiting for an outcome."))
        if invoice.status == InvoiceStatus.REJECTED:
            raise ConflictError(_("This invoice was rejected; submit a new one."))
        if reimbursed < 0 or reimbursed > invoice.total_offset:
            raise DomainError(
                _("The reimbursed amount lies between 0 and the claimed %(claimed)s.")
                % {"claimed": invoice.total_offset},
                field="reimbursed",
            )
        invoice.claim_status = ClaimStatus.REIMBURSED if reimbursed > 0 else ClaimStatus.REJECTED
        invoice.claim_reimbursed = reimbursed
        invoice.save(update_fields=["claim_status", "claim_reimbursed", "updated_at"])
        shortfall = invoice.total_offset - reimbursed
        if shortfall:
            payer = (
                invoice.lines.filter(offset__gt=0).values_list("payer", flat=True).first() or Payer.EMPLOYER
            )
            Adjustment.objects.create(
                organisation=invoice.organisation,
                invoice=invoice,
                kind=AdjustmentKind.CLAIM_OUTCOME,
                amount=shortfall,
                payer=payer,
                reason=_("Not reimbursed by the employee's insurer (invoice %(number)s)")
                % {"number": invoice.number},
                pays_provider=True,
                created_by=actor.user,
            )
        record(
            BillingEvent.CLAIM_OUTCOME,
            actor=actor,
            organisation=invoice.organisation,
            obj=invoice,
            detail=str(invoice.claim_status),
        )
    return invoice
