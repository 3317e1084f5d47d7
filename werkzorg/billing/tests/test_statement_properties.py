"""Properties of the quarterly statement over generated invoices, and rounding per line by hand.

For any approved invoice lines (amounts, VAT rates, claimed parts) and corrections in a quarter:
statement total = sum of its lines = sum of (gross - ontdubbeld) over the lines + the corrections;
issuing twice gives the same statement; a later correction never changes an issued statement.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from unittest import mock

import pytest
from django.db import DEFAULT_DB_ALIAS, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.personas import World
from werkzorg.billing import services
from werkzorg.billing.models import Adjustment, InvoiceLine, ProviderInvoice
from werkzorg.billing.pricing import cents, fixed_fee_for_quarter, vat_of
from werkzorg.billing.services.invoices import make_line, set_totals
from werkzorg.billing.tests.pdfs import invoice_pdf

pytestmark = pytest.mark.django_db
AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
RATES = [Decimal("0.00"), Decimal("0.09"), Decimal("0.21")]


@pytest.mark.parametrize(
    ("excl", "rate", "vat", "gross"),
    [
        # Half up to the cent, per line (banker's rounding would give 2.62 and 0.90).
        ("12.50", "0.21", "2.63", "15.13"),
        ("10.05", "0.09", "0.90", "10.95"),
        ("0.50", "0.09", "0.05", "0.55"),  # 0.045 -> 0.05
        ("33.33", "0.21", "7.00", "40.33"),  # 6.9993 -> 7.00
        ("100.00", "0.00", "0.00", "100.00"),
    ],
)
def test_vat_is_rounded_half_up_per_line(excl: str, rate: str, vat: str, gross: str) -> None:
    assert vat_of(Decimal(excl), Decimal(rate)) == Decimal(vat)
    assert Decimal(excl) + vat_of(Decimal(excl), Decimal(rate)) == Decimal(gross)


def test_three_lines_of_12_50_are_summed_after_rounding() -> None:
    """Per line: 3 x (12.50 + 2.63) = 45.39; rounding the total instead would give 37.50 + 7.88 = 45.38."""
    assert sum(
        (Decimal("12.50") + vat_of(Decimal("12.50"), Decimal("0.21")) for _ in range(3)), Decimal(0)
    ) == (Decimal("45.39"))


def test_the_fixed_fee_is_rounded_once_per_quarter() -> None:
    # 37.99 x 7 / 4 = 66.4825 -> 66.48
    assert fixed_fee_for_quarter(Decimal("37.99"), 7) == Decimal("66.48")
    assert cents(Decimal("0.005")) == Decimal("0.01")


line_strategy = st.tuples(
    st.integers(min_value=1, max_value=250_000),  # excl. VAT in cents
    st.sampled_from(RATES),
    st.integers(min_value=0, max_value=100),  # claimed share of the gross, in percent
    st.sampled_from(["employer", "vitality_budget"]),
)
correction_strategy = st.integers(min_value=-50_000, max_value=50_000).filter(bool)


@pytest.fixture
def invoicing(full_world: World) -> Iterator[World]:
    # The statement's PDF is tested by hand elsewhere; here only sums count.
    with mock.patch("werkzorg.billing.services.statements.statement_pdf", return_value=b"%PDF-"):
        yield full_world


def approved_invoice(
    world: World, number: str, lines: list[tuple[int, Decimal, int, str]]
) -> ProviderInvoice:
    request = world.objects["request"]
    made = [
        make_line(
            request=request,  # type: ignore[arg-type]
            kind="third_party",
            description="x",
            service_date=datetime.date(2026, 2, 1),
            amount_excl_vat=Decimal(excl) / 100,
            vat_rate=rate,
            offset=Decimal(0),
            payer=payer,
        )
        for excl, rate, _share, payer in lines
    ]
    for line, (_excl, _rate, share, _payer) in zip(made, lines, strict=True):
        line.offset = cents(line.gross * share / 100)
        line.net = line.gross - line.offset
    invoice = ProviderInvoice(
        provider=request.provider,  # type: ignore[attr-defined]
        organisation=world.org,
        request=request,
        number=number,
        invoice_date=datetime.date(2026, 2, 1),
        period_start=datetime.date(2026, 2, 1),
        period_end=datetime.date(2026, 2, 1),
        submitted_by=world.users["provider"],
        file=invoice_pdf(number),
        file_name="f.pdf",
        status="approved",
        decided_at=datetime.datetime(2026, 3, 1, 12, tzinfo=AMS),
    )
    set_totals(invoice, made)
    invoice.save()
    for line in made:
        line.invoice = invoice
    InvoiceLine.objects.bulk_create(made)
    return invoice


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    invoices=st.lists(st.lists(line_strategy, min_size=1, max_size=6), min_size=1, max_size=4),
    corrections=st.lists(correction_strategy, max_size=3),
    later=correction_strategy,
)
def test_the_statement_adds_up_and_never_changes(
    invoicing: World, invoices: list[list[tuple[int, Decimal, int, str]]], corrections: list[int], later: int
) -> None:
    world = invoicing
    with rolled_back():
        made = [approved_invoice(world, f"P-{n}", lines) for n, lines in enumerate(invoices)]
        with mock.patch("django.utils.timezone.now", return_value=datetime.datetime(2026, 3, 15, tzinfo=AMS)):
            for amount in corrections:
                Adjustment.objects.create(
                    organisation=world.org, invoice=made[0], kind="desk_correction", amount=Decimal(amount) / 100,
                    payer="employer", reason="r",
                )  # fmt: skip
        expected = sum(
            (line.gross - line.offset for invoice in made for line in invoice.lines.all()), Decimal(0)
        ) + sum((Decimal(a) / 100 for a in corrections), Decimal(0))
        (statement,) = services.issue_quarter(
            actor=None, organisation=world.org, year=2026, quarter=1, today=datetime.date(2026, 4, 2)
        )
        lines = list(statement.lines.all())
        assert statement.total == expected == sum((line.to_pay for line in lines), Decimal(0))
        assert statement.line_count == len(lines) == sum(len(i) for i in invoices) + len(corrections)
        again = services.issue_quarter(
            actor=None, organisation=world.org, year=2026, quarter=1, today=datetime.date(2026, 4, 20)
        )
        assert again == [statement]
        # A correction made after issuing goes to the next quarter; the issued statement stays as it was.
        services.correct_after_approval(
            actor=_desk(world), invoice_id=made[-1].pk, amount=Decimal(later) / 100, reason="later"
        )
        statement.refresh_from_db()
        assert (statement.total, statement.lines.count()) == (expected, len(lines))
        assert [(line.position, line.to_pay) for line in statement.lines.all()] == [
            (line.position, line.to_pay) for line in lines
        ]


@contextmanager
def rolled_back() -> Iterator[None]:
    """Each example starts from the same world: its writes are undone (like the test case's own block, so
    the services' durable blocks may run inside)."""
    atomic = transaction.Atomic(DEFAULT_DB_ALIAS, savepoint=True, durable=False)
    atomic._from_testcase = True
    with atomic:
        yield
        transaction.set_rollback(True)


def _desk(world: World):  # type: ignore[no-untyped-def]
    from werkzorg.access import desk_actor

    return desk_actor(world.users["desk"])
