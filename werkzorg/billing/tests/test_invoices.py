"""A provider's invoice from the appointments to the quarterly statement, every amount worked by hand.

Acme's request (world) is for "Coaching" with 5 agreed sessions. Price list 2026: 120.00 per session excl.
VAT at 21%: VAT 25.20, gross 145.20 per line. The employee consents on 1 February to claim part from their
own insurer; sessions on 3, 10, 17 and 24 February are attended, 3 March is a no-show (charged). Claimed
40.00 on each attended session (160.00). Third-party costs 35.00 excl. VAT at 21%: VAT 7.35, gross 42.35.

  excl. VAT  5 x 120.00 + 35.00      = 635.00
  VAT        5 x 25.20 + 7.35        = 133.35
  gross      5 x 145.20 + 42.35      = 768.35
  ontdubbeld 4 x 40.00               = 160.00
  net        768.35 - 160.00         = 608.35

The desk approves on 20 March (Q1). The insurer reimburses 100.00 of the 160.00 on 10 April: the employer
pays the other 60.00 as a correction on the Q2 statement; the Q1 statement (608.35, 6 lines) never changes.
"""

from __future__ import annotations

import datetime
import io
import zoneinfo
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from unittest import mock

import pytest
from django.utils import translation
from pypdf import PdfReader

from tests.personas import World
from werkzorg.access import desk_actor, resolve_actor
from werkzorg.billing import services
from werkzorg.billing.models import (
    BillingContract,
    ClaimStatus,
    CollectiveStatement,
    InvoiceStatus,
    PriceListEntry,
    ProviderAccount,
    ProviderInvoice,
)
from werkzorg.billing.tests.pdfs import invoice_pdf
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.interventions.models import Appointment, AppointmentStatus
from werkzorg.organisations.models import Organisation

pytestmark = pytest.mark.django_db
AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
D = datetime.date


@pytest.fixture(autouse=True)
def in_english() -> Iterator[None]:
    """The services' messages in English, so the tests can say which rule refused."""
    with translation.override("en"):
        yield


def moment(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=AMS)


@contextmanager
def on(day: datetime.date) -> Iterator[None]:
    """The clock at 12:00 on `day` (for decisions and time stamps made by the services)."""
    with mock.patch("django.utils.timezone.now", return_value=moment(day, 12)):
        yield


def appointment(world: World, day: datetime.date, status: str = AppointmentStatus.ATTENDED) -> Appointment:
    return Appointment.objects.create(
        request=world.objects["request"],
        starts_at=moment(day),
        status=status,
        chargeable=True,
        created_by=world.users["provider"],
    )


@pytest.fixture
def coaching(full_world: World) -> World:
    world = full_world
    PriceListEntry.objects.create(
        year=2026,
        intervention=world.objects["intervention"],
        session_price=Decimal("120.00"),
        vat_rate=Decimal("0.21"),
    )
    world.objects["attended"] = [appointment(world, D(2026, 2, day)) for day in (3, 10, 17, 24)]
    world.objects["no_show"] = appointment(world, D(2026, 3, 3), AppointmentStatus.NO_SHOW)
    return world


def provider(world: World):  # type: ignore[no-untyped-def]
    return resolve_actor(world.users["provider"], "care")


def desk(world: World):  # type: ignore[no-untyped-def]
    return desk_actor(world.users["desk"])


def draft(world: World, number: str = "2026-0042", **changes) -> services.InvoiceDraft:  # type: ignore[no-untyped-def]
    attended = world.objects["attended"]
    given = {
        "request_id": world.objects["request"].pk,  # type: ignore[attr-defined]
        "number": number,
        "invoice_date": D(2026, 3, 10),
        "file_name": "factuur 2026-0042.pdf",
        "content": invoice_pdf("original 2026-0042"),
        "appointment_ids": [a.pk for a in attended] + [world.objects["no_show"].pk],  # type: ignore[attr-defined]
        "offsets": {a.pk: Decimal("40.00") for a in attended},
        "third_party": [
            services.ThirdPartyCost("Reiskosten", Decimal("35.00"), Decimal("0.21"), D(2026, 3, 3))
        ],
    }
    given.update(changes)
    return services.InvoiceDraft(**given)


def submitted(world: World) -> ProviderInvoice:
    services.record_claim_consent(
        actor=provider(world),
        request_id=world.objects["request"].pk,  # type: ignore[attr-defined]
        consented_on=D(2026, 2, 1),
        insurer_name="Zilveren Kruis",
        today=D(2026, 2, 1),
    )
    return services.submit_invoice(actor=provider(world), draft=draft(world), today=D(2026, 3, 10))


def test_the_invoice_adds_up_by_hand(coaching: World) -> None:
    invoice = submitted(coaching)
    assert (invoice.total_excl_vat, invoice.total_vat, invoice.total_gross) == (
        Decimal("635.00"),
        Decimal("133.35"),
        Decimal("768.35"),
    )
    assert (invoice.total_offset, invoice.total_net) == (Decimal("160.00"), Decimal("608.35"))
    assert (invoice.period_start, invoice.period_end) == (D(2026, 2, 3), D(2026, 3, 3))
    assert invoice.claim_status == ClaimStatus.CLAIMED
    kinds = list(invoice.lines.values_list("kind", "gross", "offset", "payer"))
    assert kinds == [
        ("session", Decimal("145.20"), Decimal("40.00"), "employer"),
        ("session", Decimal("145.20"), Decimal("40.00"), "employer"),
        ("session", Decimal("145.20"), Decimal("40.00"), "employer"),
        ("session", Decimal("145.20"), Decimal("40.00"), "employer"),
        ("no_show", Decimal("145.20"), Decimal("0.00"), "employer"),
        ("third_party", Decimal("42.35"), Decimal("0.00"), "employer"),
    ]


def test_it_checks_every_line_against_the_request(coaching: World) -> None:
    world = coaching
    sixth = appointment(world, D(2026, 3, 10))
    planned = Appointment.objects.create(
        request=world.objects["request"], starts_at=moment(D(2026, 3, 17)), created_by=world.users["provider"]
    )
    foreign = world.objects["other_appointment"]
    cases = [
        ({"appointment_ids": [a.pk for a in world.objects["attended"]] + [world.objects["no_show"].pk, sixth.pk]},
         "5 sessions were agreed"),
        ({"appointment_ids": [planned.pk]}, "Only charged appointments"),
        ({"appointment_ids": [foreign.pk]}, "Only charged appointments"),
        ({"appointment_ids": [], "offsets": {}, "third_party": []}, "at least one"),
        ({"invoice_date": D(2026, 3, 11)}, "future"),
        ({"number": "  "}, "invoice number"),
    ]  # fmt: skip
    for changes, said in cases:
        with pytest.raises(DomainError) as refused:
            services.submit_invoice(
                actor=provider(world), draft=draft(world, **changes), today=D(2026, 3, 10)
            )
        assert said in str(refused.value.message), changes
    # A claimed part needs the employee's consent first.
    with pytest.raises(DomainError, match="consent"):
        services.submit_invoice(actor=provider(world), draft=draft(world), today=D(2026, 3, 10))
    assert not ProviderInvoice.objects.filter(number="2026-0042").exists()


def test_no_appointment_is_invoiced_twice_and_an_approved_extension_allows_one_more(coaching: World) -> None:
    world = coaching
    submitted(world)
    again = draft(world, number="2026-0043", offsets={}, third_party=[])
    with pytest.raises(DomainError, match="Only charged appointments"):
        services.submit_invoice(actor=provider(world), draft=again, today=D(2026, 3, 10))
    with pytest.raises(ConflictError):
        services.submit_invoice(actor=provider(world), draft=draft(world), today=D(2026, 3, 10))
    sixth = appointment(world, D(2026, 3, 10))
    one_more = draft(world, number="2026-0044", appointment_ids=[sixth.pk], offsets={}, third_party=[])
    with pytest.raises(DomainError, match="5 sessions were agreed"):
        services.submit_invoice(actor=provider(world), draft=one_more, today=D(2026, 3, 10))
    request = world.objects["request"]
    request.extra_sessions = 1  # type: ignore[attr-defined]
    request.save()  # type: ignore[attr-defined]
    made = services.submit_invoice(actor=provider(world), draft=one_more, today=D(2026, 3, 10))
    assert made.total_gross == Decimal("145.20")


def test_a_rejected_invoice_frees_its_appointments(coaching: World) -> None:
    world = coaching
    invoice = submitted(world)
    with pytest.raises(DomainError):
        services.decide_invoice(actor=desk(world), invoice_id=invoice.pk, approve=False, reason=" ")
    services.decide_invoice(actor=desk(world), invoice_id=invoice.pk, approve=False, reason="Verkeerd tarief")
    invoice.refresh_from_db()
    assert (invoice.status, invoice.reason) == (InvoiceStatus.REJECTED, "Verkeerd tarief")
    again = services.submit_invoice(
        actor=provider(world), draft=draft(world, number="2026-0042b"), today=D(2026, 3, 10)
    )
    assert again.total_net == Decimal("608.35")


def test_consent_is_asked_before_treatment_starts(coaching: World) -> None:
    with pytest.raises(DomainError, match="before treatment starts"):
        services.record_claim_consent(
            actor=provider(coaching),
            request_id=coaching.objects["request"].pk,  # type: ignore[attr-defined]
            consented_on=D(2026, 2, 4),
            insurer_name="Zilveren Kruis",
            today=D(2026, 2, 4),
        )


def test_from_approval_to_the_statements_of_two_quarters(coaching: World) -> None:
    world = coaching
    invoice = submitted(world)
    with on(D(2026, 3, 20)):
        services.decide_invoice(actor=desk(world), invoice_id=invoice.pk, approve=True, today=D(2026, 3, 20))
    invoice.refresh_from_db()
    assert (invoice.status, invoice.payment_due) == (InvoiceStatus.APPROVED, D(2026, 4, 9))  # 10 March + 30
    acme = world.org
    with on(D(2026, 4, 5)):
        (q1,) = services.issue_quarter(
            actor=None, organisation=acme, year=2026, quarter=1, today=D(2026, 4, 5)
        )
    assert (q1.total, q1.line_count, q1.number) == (Decimal("608.35"), 6, f"VZ2026Q1-{acme.pk:05d}")
    with on(D(2026, 4, 10)):
        services.record_claim_outcome(
            actor=provider(world), invoice_id=invoice.pk, reimbursed=Decimal("100.00")
        )
    assert services.issue_quarter(
        actor=None, organisation=acme, year=2026, quarter=1, today=D(2026, 4, 5)
    ) == [q1]
    with on(D(2026, 7, 2)):
        (q2,) = services.issue_quarter(
            actor=None, organisation=acme, year=2026, quarter=2, today=D(2026, 7, 2)
        )
    assert (q2.total, q2.line_count) == (Decimal("60.00"), 1)
    correction = q2.lines.get()
    assert (correction.kind, correction.request_number, correction.to_pay) == (
        "correction",
        world.objects["request"].number,  # type: ignore[attr-defined]
        Decimal("60.00"),
    )
    q1.refresh_from_db()
    assert (q1.total, q1.lines.count()) == (Decimal("608.35"), 6)
    # The PDF: the statement's pages (A4 landscape), then the original invoice (A4 portrait).
    pages = PdfReader(io.BytesIO(bytes(q1.pdf))).pages
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pages]
    assert sizes[0][0] > sizes[0][1] and sizes[-1] == (595, 842) and len(sizes) >= 2


def test_no_statement_before_the_quarter_ends_and_none_when_nothing_is_billed(full_world: World) -> None:
    with pytest.raises(DomainError):
        services.issue_quarter(
            actor=None, organisation=full_world.org, year=2026, quarter=2, today=D(2026, 6, 30)
        )
    assert (
        services.issue_quarter(
            actor=None, organisation=full_world.org, year=2026, quarter=1, today=D(2026, 4, 1)
        )
        == []
    )


def test_a_fixed_fee_with_included_services_and_extra_work_by_quote(coaching: World) -> None:
    """Fee 48.00 per employee per year, 21% VAT; 10 employees on 1 January (one left in December 2025):
    48.00 x 10 / 4 = 120.00 + 25.20 VAT = 145.20. The coaching is included (category "mental"): its lines
    are on the statement at 0 to pay. A quote of 800.00 + 21% = 968.00, accepted and delivered in March.
    Total 145.20 + 968.00 = 1,113.20."""
    world = coaching
    acme = world.org
    BillingContract.objects.create(
        organisation=acme, kind="fixed_fee", fee_per_employee=Decimal("48.00"), fee_vat_rate=Decimal("0.21"),
        included_categories=["mental"], start_date=D(2025, 1, 1),
    )  # fmt: skip
    from werkzorg.employees.models import Employee

    Employee.objects.filter(organisation=acme).update(employment_end=D(2025, 6, 30))
    for n in range(10):
        Employee.objects.create(organisation=acme, employee_number=f"E{n}", first_name="A", last_name=f"B{n}")
    Employee.objects.create(
        organisation=acme,
        employee_number="GONE",
        first_name="C",
        last_name="D",
        employment_end=D(2025, 12, 31),
    )
    invoice = submitted(world)
    assert set(invoice.lines.values_list("payer", flat=True)) == {"fixed_fee"}
    with on(D(2026, 3, 20)):
        services.decide_invoice(actor=desk(world), invoice_id=invoice.pk, approve=True, today=D(2026, 3, 20))
    owner = resolve_actor(world.users["superuser"], "acme")
    quote = services.make_quote(
        actor=desk(world), organisation=acme, description="Workshop werkdruk", amount=Decimal("800.00"),
        vat_rate=Decimal("0.21"),
    )  # fmt: skip
    services.decide_quote(actor=owner, quote_id=quote.pk, accept=True)
    services.mark_delivered(actor=desk(world), quote_id=quote.pk, delivered_on=D(2026, 3, 12))
    (statement,) = services.issue_quarter(
        actor=None, organisation=acme, year=2026, quarter=1, today=D(2026, 4, 2)
    )
    assert (statement.headcount, statement.headcount_date) == (10, D(2026, 1, 1))
    assert statement.total == Decimal("1113.20")
    kinds = list(statement.lines.values_list("kind", "to_pay"))
    assert kinds[:2] == [("fixed_fee", Decimal("145.20")), ("extra", Decimal("968.00"))]
    assert [to_pay for kind, to_pay in kinds[2:]] == [Decimal("0.00")] * 6


def test_payments_to_the_provider_as_a_sepa_file(coaching: World) -> None:
    world = coaching
    invoice = submitted(world)
    services.decide_invoice(actor=desk(world), invoice_id=invoice.pk, approve=True, today=D(2026, 3, 20))
    with pytest.raises(DomainError):  # no bank account for the provider yet
        services.export_payments(actor=desk(world), execution_date=D(2026, 4, 9))
    ProviderAccount.objects.create(
        provider=world.provider_org, account_holder="Care Provider B.V.", iban="NL02ABNA0123456789",
        bic="ABNANL2A", payment_term_days=30,
    )  # fmt: skip
    with pytest.raises(DomainError):  # not due before 9 April
        services.export_payments(actor=desk(world), execution_date=D(2026, 4, 8))
    batch = services.export_payments(actor=desk(world), execution_date=D(2026, 4, 9))
    xml = bytes(batch.xml).decode()
    assert (batch.payment_count, batch.total) == (1, Decimal("608.35"))
    assert (
        '<InstdAmt Ccy="EUR">608.35</InstdAmt>' in xml and "NL02ABNA0123456789" in xml and "2026-0042" in xml
    )
    invoice.refresh_from_db()
    assert invoice.status == InvoiceStatus.EXPORTED
    services.mark_batch_paid(actor=desk(world), batch_id=batch.pk)
    invoice.refresh_from_db()
    assert invoice.status == InvoiceStatus.PAID
    # The insurer paid nothing: the claimed 160.00 is paid to the provider in the next run.
    services.record_claim_outcome(actor=provider(world), invoice_id=invoice.pk, reimbursed=Decimal("0"))
    rest = services.export_payments(actor=desk(world), execution_date=D(2026, 5, 1))
    assert (rest.payment_count, rest.total) == (1, Decimal("160.00"))


def test_providers_see_only_their_own_invoices(coaching: World) -> None:
    world = coaching
    mine = submitted(world)
    elsewhere = Organisation.objects.get(slug="care2")
    assert list(services.provider_invoices(provider(world)).filter(pk=mine.pk)) == [mine]
    theirs = world.objects["provider_other_invoice"]
    assert theirs.provider == elsewhere  # type: ignore[attr-defined]
    assert not services.provider_invoices(provider(world)).filter(pk=theirs.pk).exists()  # type: ignore[attr-defined]


def test_a_statement_of_another_organisation_is_not_found(coaching: World) -> None:
    from werkzorg.core.errors import NotFound

    other = coaching.objects["other_collective_statement"]
    owner = resolve_actor(coaching.users["superuser"], "acme")
    with pytest.raises(NotFound):
        services.statement_detail(owner, other.pk)  # type: ignore[attr-defined]
    assert other not in list(services.issued_statements(owner))
    assert CollectiveStatement.objects.filter(pk=other.pk).exists()  # type: ignore[attr-defined]


def test_lines_paid_from_the_budget_use_it_up_and_warn_the_main_account_holder(coaching: World) -> None:
    """Budget 2026: 650.00; warning at 585.00. Net per attended session 145.20 - 40.00 = 105.20: February
    4 x 105.20 = 420.80; March the no-show 145.20 and the costs 42.35 = 187.55; used 608.35, left 41.65."""
    world = coaching
    from werkzorg.billing.models import VitalityBudget

    BillingContract.objects.create(
        organisation=world.org, kind="per_intervention", pay_from_budget=True, start_date=D(2025, 1, 1)
    )
    VitalityBudget.objects.update_or_create(
        organisation=world.org, year=2026, defaults={"amount": Decimal("650.00")}
    )
    invoice = submitted(world)
    assert set(invoice.lines.values_list("payer", flat=True)) == {"vitality_budget"}
    reports = resolve_actor(world.users["reports"], "acme")
    # Waiting: the invoice and the world's declaration of 450.00 (January).
    assert services.budget_overview(reports, 2026).pending == Decimal("1058.35")
    with mock.patch("werkzorg.billing.services.budget.send_email") as mailed:
        services.decide_invoice(actor=desk(world), invoice_id=invoice.pk, approve=True, today=D(2026, 3, 20))
    assert [c.args[0] for c in mailed.call_args_list] == ["main@acme.nl"]
    overview = services.budget_overview(reports, 2026)
    assert (overview.used, overview.remaining, overview.pending) == (
        Decimal("608.35"),
        Decimal("41.65"),
        Decimal("450.00"),
    )
    assert [value for _month, value in overview.months[:4]] == [
        Decimal("650.00"),
        Decimal("229.20"),
        Decimal("41.65"),
        Decimal("41.65"),
    ]


def test_the_billing_pages_cost_the_same_queries_as_data_grows(coaching: World) -> None:
    """The provider's invoices (list and one), the statements list and a statement's page."""
    from django.test import Client

    from tests.queries import assert_constant_queries

    world = coaching
    invoice = submitted(world)
    services.decide_invoice(actor=desk(world), invoice_id=invoice.pk, approve=True, today=D(2026, 3, 20))
    ProviderInvoice.objects.filter(pk=invoice.pk).update(decided_at=moment(D(2026, 3, 20)))
    (statement,) = services.issue_quarter(
        actor=None, organisation=world.org, year=2026, quarter=1, today=D(2026, 4, 2)
    )

    made: list[int] = []

    def grow() -> None:
        """Three more approved invoices (in Q2) and the Q2 statement with their lines."""
        for _ in range(3):
            made.append(len(made))
            more = services.submit_invoice(
                actor=provider(world),
                draft=draft(world, number=f"G-{len(made)}", appointment_ids=[], offsets={}),
                today=D(2026, 3, 10),
            )
            with on(D(2026, 5, 1)):
                services.decide_invoice(
                    actor=desk(world), invoice_id=more.pk, approve=True, today=D(2026, 5, 1)
                )
        services.issue_quarter(actor=None, organisation=world.org, year=2026, quarter=2, today=D(2026, 7, 2))

    provider_client, owner = Client(), Client()
    provider_client.force_login(world.users["provider"])
    owner.force_login(world.users["superuser"])
    pages = ["/o/acme/verzamelbladen/", f"/o/acme/verzamelbladen/{statement.pk}/"]
    assert_constant_queries(owner, pages, grow=grow)
    assert CollectiveStatement.objects.filter(organisation=world.org).count() == 3  # the world has one
    assert_constant_queries(
        provider_client, ["/o/care/facturen/", f"/o/care/facturen/{invoice.pk}/"], grow=grow
    )


def test_a_long_statement_is_made_in_parts_and_keeps_every_line(coaching: World) -> None:
    """Parts of two lines: the six lines in three parts, the heading once, the total once, then the original."""
    world = coaching
    invoice = submitted(world)
    with on(D(2026, 3, 20)):
        services.decide_invoice(actor=desk(world), invoice_id=invoice.pk, approve=True, today=D(2026, 3, 20))
    with (
        mock.patch("werkzorg.billing.services.statement_files.PDF_PART_LINES", 2),
        translation.override("nl"),
    ):
        (statement,) = services.issue_quarter(
            actor=None, organisation=world.org, year=2026, quarter=1, today=D(2026, 4, 2)
        )
    pages = PdfReader(io.BytesIO(bytes(statement.pdf))).pages
    text = "\n".join(page.extract_text() for page in pages[:-1])
    assert len(pages) == 4  # three parts of one page each, and the original
    assert text.count("Verzamelblad Q1 2026") == 1 and text.count("Totaal te betalen: EUR 608,35") == 1
    # 145,20: the gross of four sessions, and the no-show's gross, net and to pay; 105,20: net and to pay
    # of each session after its 40,00; 42,35: the costs' gross, net and to pay.
    assert (text.count("145,20"), text.count("105,20"), text.count("42,35")) == (7, 8, 3)


def test_the_desk_opens_originals_and_statements_and_each_opening_is_audited(coaching: World) -> None:
    from django.test import Client

    from werkzorg.audit.models import AuditEvent

    world = coaching
    invoice = submitted(world)
    desk_client = Client()
    desk_client.force_login(world.users["desk"])
    assert desk_client.get(f"/desk/billing/providerinvoice/{invoice.pk}/pdf/").content == bytes(invoice.file)
    statement = world.objects["collective_statement"]
    answer = desk_client.get(f"/desk/billing/collectivestatement/{statement.pk}/pdf/")  # type: ignore[attr-defined]
    assert answer.content == bytes(statement.pdf)  # type: ignore[attr-defined]
    assert answer["Content-Disposition"] == f'attachment; filename="verzamelblad-{statement.number}.pdf"'  # type: ignore[attr-defined]
    events = list(
        AuditEvent.objects.filter(
            event_type__in=["billing_invoice_file_read", "billing_statement_read"]
        ).values_list("event_type", flat=True)
    )
    assert sorted(events) == ["billing_invoice_file_read", "billing_statement_read"]
    owner = Client()
    owner.force_login(world.users["superuser"])
    assert owner.get(f"/desk/billing/providerinvoice/{invoice.pk}/pdf/").status_code == 302


def test_a_statement_per_collectivity_when_the_contract_asks(coaching: World) -> None:
    """Acme's request belongs to its first collectivity: that collectivity's statement holds the invoice
    (608.35); a second collectivity without lines (numbered to come first, so it would take the lines if
    they were not split by collectivity) gets none; the fixed fee and extras, none here, would go
    on the statement without a collectivity, so there is none either."""
    from werkzorg.organisations.models import Collectivity

    world = coaching
    acme = world.org
    BillingContract.objects.create(
        organisation=acme, kind="per_intervention", statement_per_collectivity=True, start_date=D(2025, 1, 1)
    )
    first = world.objects["request"].collectivity  # type: ignore[attr-defined]
    Collectivity.objects.create(
        organisation=acme, customer_number="77", collectivity_number="0000", name="Winkels"
    )
    invoice = submitted(world)
    with on(D(2026, 3, 20)):
        services.decide_invoice(actor=desk(world), invoice_id=invoice.pk, approve=True, today=D(2026, 3, 20))
    (statement,) = services.issue_quarter(
        actor=None, organisation=acme, year=2026, quarter=1, today=D(2026, 4, 2)
    )
    assert statement.collectivity == first
    assert statement.number == f"VZ2026Q1-{acme.pk:05d}-{first.collectivity_number}"
    assert (statement.total, statement.line_count) == (Decimal("608.35"), 6)
