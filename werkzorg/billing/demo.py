"""Demo billing: a budget half used with declarations in every state (korenaar); the price list, contracts
(korenaar pays per intervention, Van Dijk a fixed fee with quotes for extra work), the providers' bank
accounts; FysioPlus's invoices in every state with originals, two issued quarterly statements per employer
(korenaar's older one paid), a claim at an employee's insurer waiting for its outcome, and completed courses
with a no-show not invoiced yet, so a newcomer can invoice (eva.mulder@fysioplus.nl), decide and pay at the
desk (desk@werkzorg.example) and read the statements (anna.jansen@korenaar.nl).

Made through the services, then moved back in time where a date matters: demo data only."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from werkzorg.access import desk_actor, resolve_actor
from werkzorg.accounts.models import User
from werkzorg.billing import services
from werkzorg.billing.models import (
    BillingContract,
    Declaration,
    DeclarationStatus,
    PriceListEntry,
    ProviderAccount,
    ProviderInvoice,
    VitalityBudget,
)
from werkzorg.billing.pricing import cents, previous_quarter, quarter_bounds, session_price
from werkzorg.core.pdf import html_to_pdf
from werkzorg.interventions.models import Appointment, AppointmentStatus, Intervention, InterventionRequest
from werkzorg.organisations.models import Organisation

# Physiotherapy is exempt from VAT (Wet OB art. 11 lid 1 sub g); coaching and training are not.
VAT_BY_CATEGORY = {"physical": Decimal("0.00")}


def original_invoice(provider: str, number: str, lines: list[tuple[str, str]]) -> bytes:
    """A provider's own invoice as a PDF, as it would upload it."""
    rows = "".join(
        f"<tr><td>{what}</td><td style='text-align:right'>{amount}</td></tr>" for what, amount in lines
    )
    return html_to_pdf(
        f"<html><body style='font-family:sans-serif'><h1>{provider}</h1><p>Factuur {number}</p>"
        f"<table style='width:100%'>{rows}</table><p>Aan: Werkzorg, t.a.v. de werkgeversdesk</p></body></html>"
    )


def load() -> list[tuple[str, str]]:
    org = Organisation.objects.get(slug="korenaar")
    year = timezone.localdate().year
    if VitalityBudget.objects.filter(organisation=org, year=year).exists():
        return []
    with transaction.atomic():
        _declarations(org, year)
        _prices_and_contracts(year)
    _invoices_and_statements(org)  # through the services, each write its own transaction
    return []


def _declarations(org: Organisation, year: int) -> None:
    VitalityBudget.objects.create(organisation=org, year=year, amount=Decimal("25000.00"))
    declarer = User.objects.get(email="ahmed.elamrani@korenaar.nl")
    desk = User.objects.get(email="desk@werkzorg.example")
    now = timezone.now()
    for number, (provider, amount, month, category, status, reason) in enumerate(
        [
            ("Fysio Centrum Deventer", "4800.00", 1, "physiotherapy", DeclarationStatus.APPROVED, ""),
            ("Coachpraktijk De Brug", "3650.00", 2, "coaching", DeclarationStatus.APPROVED, ""),
            ("Vitaal Werkt B.V.", "4050.00", 3, "training", DeclarationStatus.APPROVED, ""),
            ("Psychologenpraktijk Oost", "1250.00", 4, "mental", DeclarationStatus.REJECTED,
             "Dit is een behandeling uit de basisverzekering; die valt niet onder het vitaliteitsbudget."),
            ("Gezond Check", "890.00", 5, "screening", DeclarationStatus.SUBMITTED, ""),
        ],
        start=1,
    ):  # fmt: skip
        decided = status != DeclarationStatus.SUBMITTED
        Declaration.objects.create(
            organisation=org,
            declared_by=declarer,
            provider_name=provider,
            invoice_number=f"{year}-{number:03d}",
            invoice_date=datetime.date(year, month, 10),
            amount=Decimal(amount),
            category=category,
            file=original_invoice(provider, f"{year}-{number:03d}", [("Behandeling", f"€ {amount}")]),
            file_name=f"factuur-{number}.pdf",
            status=status,
            reason=reason,
            decided_by=desk if decided else None,
            decided_at=now if decided else None,
        )


def _prices_and_contracts(year: int) -> None:
    for intervention in Intervention.objects.all():
        for price_year in (year - 1, year):
            PriceListEntry.objects.get_or_create(
                year=price_year,
                intervention=intervention,
                defaults={
                    "session_price": cents(intervention.price_excl_vat / max(intervention.sessions, 1)),
                    "vat_rate": VAT_BY_CATEGORY.get(intervention.category, Decimal("0.21")),
                },
            )
    for slug, holder, iban, bic in (
        ("fysioplus", "FysioPlus B.V.", "NL91ABNA0417164300", "ABNANL2A"),
        ("mentaalfit", "MentaalFit B.V.", "NL20INGB0001234567", "INGBNL2A"),
    ):
        ProviderAccount.objects.get_or_create(
            provider=Organisation.objects.get(slug=slug),
            defaults={"account_holder": holder, "iban": iban, "bic": bic, "payment_term_days": 30},
        )
    BillingContract.objects.create(
        organisation=Organisation.objects.get(slug="korenaar"),
        kind="per_intervention",
        start_date=datetime.date(year - 2, 1, 1),
    )
    BillingContract.objects.create(
        organisation=Organisation.objects.get(slug="vandijk"),
        kind="fixed_fee",
        fee_per_employee=Decimal("48.00"),
        fee_vat_rate=Decimal("0.21"),
        included_categories=["mental", "physical"],
        start_date=datetime.date(year - 2, 1, 1),
    )


def _invoices_and_statements(org: Organisation) -> None:
    provider_user = User.objects.get(email="eva.mulder@fysioplus.nl")
    provider = resolve_actor(provider_user, "fysioplus")
    desk = desk_actor(User.objects.get(email="desk@werkzorg.example"))
    today = timezone.localdate()
    older, last = _quarters_back(today)
    courses = list(
        InterventionRequest.objects.filter(organisation=org, provider__slug="fysioplus", status="completed")
        .select_related("intervention")
        .order_by("first_appointment_at")
    )
    issued_quarters = [q for q in courses if q.first_appointment_at and _in(q, older[0], last[1])]
    current = [
        q for q in courses if q.first_appointment_at and timezone.localdate(q.first_appointment_at) > last[1]
    ]
    for n, request in enumerate(issued_quarters):
        day = timezone.localdate(request.first_appointment_at)
        invoice = _invoice(provider, request, f"FP-{day:%Y}-{100 + n}", day + datetime.timedelta(days=3))
        services.decide_invoice(actor=desk, invoice_id=invoice.pk, approve=True, today=day)
        _decided_on(invoice, day + datetime.timedelta(days=5))
    for (start, end), paid in ((older, True), (last, False)):
        due = [i.pk for i in ProviderInvoice.objects.filter(status="approved")]
        if due:
            ProviderInvoice.objects.filter(pk__in=due).update(payment_due=end)
            batch = services.export_payments(actor=desk, execution_date=end)
            services.mark_batch_paid(actor=desk, batch_id=batch.pk)
        year, quarter = start.year, (start.month - 1) // 3 + 1
        if not paid:
            _quotes(desk, end - datetime.timedelta(days=10))
        for slug in ("korenaar", "vandijk"):
            made = services.issue_quarter(
                actor=None, organisation=Organisation.objects.get(slug=slug), year=year, quarter=quarter
            )
            for statement in made if paid else []:
                services.mark_statement_paid(actor=desk, statement_id=statement.pk)
    _current_quarter(provider, desk, current)


def _quarters_back(today: datetime.date) -> tuple[tuple[datetime.date, datetime.date], ...]:
    last = previous_quarter(today)
    older = previous_quarter(quarter_bounds(*last)[0])
    return quarter_bounds(*older), quarter_bounds(*last)


def _in(request: InterventionRequest, start: datetime.date, end: datetime.date) -> bool:
    day = timezone.localdate(request.first_appointment_at)
    return start <= day <= end - datetime.timedelta(days=7)


def _decided_on(invoice: ProviderInvoice, day: datetime.date) -> None:
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(11)))
    ProviderInvoice.objects.filter(pk=invoice.pk).update(decided_at=moment)


def _invoice(
    provider: object,
    request: InterventionRequest,
    number: str,
    day: datetime.date,
    offset: Decimal | None = None,
) -> ProviderInvoice:
    appointments = services.open_appointments(request)
    price = session_price(request.intervention, timezone.localdate(appointments[0].starts_at).year)
    lines = [(f"{request.intervention.title}, {a.starts_at:%d-%m-%Y}", f"€ {price[0]}") for a in appointments]
    return services.submit_invoice(
        actor=provider,  # type: ignore[arg-type]
        draft=services.InvoiceDraft(
            request_id=request.pk,
            number=number,
            invoice_date=day,
            file_name=f"{number}.pdf",
            content=original_invoice("FysioPlus B.V.", number, lines),
            appointment_ids=[a.pk for a in appointments],
            offsets={appointments[0].pk: offset} if offset else {},
        ),
        today=day,
    )


def _quotes(desk: object, delivered: datetime.date) -> None:
    vandijk = Organisation.objects.get(slug="vandijk")
    owner = resolve_actor(User.objects.get(email="jan.vandijk@vandijk-transport.nl"), "vandijk")
    done = services.make_quote(
        actor=desk, organisation=vandijk, description="Workshop vermoeidheid en rijtijden voor chauffeurs",  # type: ignore[arg-type]
        amount=Decimal("1450.00"), vat_rate=Decimal("0.21"),
    )  # fmt: skip
    services.decide_quote(actor=owner, quote_id=done.pk, accept=True)
    services.mark_delivered(actor=desk, quote_id=done.pk, delivered_on=delivered)  # type: ignore[arg-type]
    services.make_quote(
        actor=desk, organisation=vandijk, description="Werkplekonderzoek nieuwe planningsafdeling (12 plekken)",  # type: ignore[arg-type]
        amount=Decimal("2850.00"), vat_rate=Decimal("0.21"),
    )  # fmt: skip


def _current_quarter(provider: object, desk: object, courses: list[InterventionRequest]) -> None:
    """This quarter: one invoice waiting for the desk, one approved, one rejected, one with a claim at the
    employee's insurer waiting for its outcome; the newest courses, one with a no-show, left to invoice."""
    states = ["submitted", "approved", "rejected", "claimed"]
    for n, (request, state) in enumerate(zip(courses, states, strict=False)):
        day = timezone.localdate(request.first_appointment_at)
        if state == "claimed":
            services.record_claim_consent(
                actor=provider,  # type: ignore[arg-type]
                request_id=request.pk,
                consented_on=day - datetime.timedelta(days=1),
                insurer_name="Zilveren Kruis",
                today=day,
            )
        invoice = _invoice(
            provider, request, f"FP-{day:%Y}-{500 + n}", day + datetime.timedelta(days=2),
            offset=Decimal("30.00") if state == "claimed" else None,
        )  # fmt: skip
        if state in ("approved", "claimed"):
            services.decide_invoice(actor=desk, invoice_id=invoice.pk, approve=True)  # type: ignore[arg-type]
        elif state == "rejected":
            services.decide_invoice(
                actor=desk,  # type: ignore[arg-type]
                invoice_id=invoice.pk,
                approve=False,
                reason="Het sessietarief wijkt af van de prijslijst; dien de factuur opnieuw in.",
            )
    for request in courses[len(states) :][:1]:
        first = Appointment.objects.filter(request=request).order_by("starts_at").first()
        if first is not None:
            Appointment.objects.create(
                request=request,
                starts_at=first.starts_at + datetime.timedelta(days=7),
                status=AppointmentStatus.NO_SHOW,
                chargeable=True,
                created_by=first.created_by,
            )
