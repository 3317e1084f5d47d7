"""Declarations against the vitality budget: checks on upload, the desk's decision, the budget's sums by hand.

Budget 2026 of Acme: 10,000.00 (world). Declared: 450.00 (world, 15 January, waiting), then 4,000.00
(March) and 5,200.00 (June) approved, 300.00 (June) rejected. Used 9,200.00, remaining 800.00, waiting
450.00; remaining at the end of February 10,000.00, of March 6,000.00, of June 800.00. The warning goes
at 9,000.00 (nine tenths): with the June approval, not before.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from tests.personas import World
from werkzorg.access import desk_actor, resolve_actor
from werkzorg.billing import services
from werkzorg.billing.models import Declaration, DeclarationStatus
from werkzorg.billing.tests.pdfs import invoice_pdf
from werkzorg.core.errors import ConflictError, DomainError

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2026, 7, 1)
PDF = invoice_pdf("invoice")


def invoice(number: str, day: datetime.date, amount: str, content: bytes = PDF, **extra):  # type: ignore[no-untyped-def]
    return services.Invoice(
        provider_name="Coach B.V.", invoice_number=number, invoice_date=day, amount=Decimal(amount),
        category="coaching", file_name="f.pdf", content=content, **extra,
    )  # fmt: skip


@pytest.fixture
def year_2026(world: World):  # type: ignore[no-untyped-def]
    from werkzorg.billing.models import VitalityBudget

    VitalityBudget.objects.filter(organisation=world.org).update(year=2026)
    Declaration.objects.filter(organisation=world.org).update(invoice_date=D(2026, 1, 15))
    return world


def test_it_refuses_what_is_not_a_pdf_a_future_date_a_zero_amount_and_a_second_declaration(year_2026):
    actor = resolve_actor(year_2026.users["invoices"], "acme")
    cases = [
        (invoice("A", D(2026, 6, 1), "10", content=b"MZ not a pdf"), "file"),
        (invoice("A", D(2026, 7, 2), "10"), "invoice_date"),
        (invoice("A", D(2026, 6, 1), "0"), "amount"),
        (invoice("A", D(2026, 6, 1), "10", employee_number="NOBODY"), "employee_number"),
    ]
    for given, field in cases:
        with (
            mock.patch("django.utils.timezone.localdate", return_value=TODAY),
            pytest.raises(DomainError) as refused,
        ):
            services.declare(actor=actor, invoice=given)
        assert refused.value.field == field
    with pytest.raises(ConflictError):
        services.declare(actor=actor, invoice=invoice("F-1", D(2026, 1, 15), "450").__class__(
            provider_name="fysio centrum", invoice_number="F-1", invoice_date=D(2026, 1, 15), amount=Decimal("450"),
            category="physiotherapy", file_name="x.pdf", content=PDF,
        ), today=TODAY)  # fmt: skip
    assert Declaration.objects.filter(organisation=year_2026.org).count() == 1


def test_the_budget_by_hand_and_the_warning_at_nine_tenths(
    year_2026, mailoutbox, django_capture_on_commit_callbacks
):
    declarer = resolve_actor(year_2026.users["invoices"], "acme")
    desk = desk_actor(year_2026.users["desk"])
    made = [
        services.declare(actor=declarer, invoice=invoice(n, day, amount), today=TODAY)
        for n, day, amount in (("M", D(2026, 3, 5), "4000.00"), ("J", D(2026, 6, 9), "5200.00"), ("R", D(2026, 6, 20), "300.00"))
    ]  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        services.decide(actor=desk, declaration=made[0], approve=True)
    assert not mailoutbox
    with pytest.raises(DomainError):
        services.decide(actor=desk, declaration=made[2], approve=False, reason="")
    services.decide(actor=desk, declaration=made[2], approve=False, reason="Geen vitaliteit")
    with django_capture_on_commit_callbacks(execute=True):
        services.decide(actor=desk, declaration=made[1], approve=True)
    assert [m.to for m in mailoutbox] == [["main@acme.nl"]]
    with pytest.raises(ConflictError):
        services.decide(actor=desk, declaration=made[1], approve=False, reason="toch niet")
    overview = services.budget_overview(resolve_actor(year_2026.users["reports"], "acme"), 2026)
    assert (overview.amount, overview.used, overview.remaining, overview.pending) == (
        Decimal("10000.00"), Decimal("9200.00"), Decimal("800.00"), Decimal("450.00"),
    )  # fmt: skip
    by_month = dict(overview.months)
    assert by_month[D(2026, 2, 1)] == Decimal("10000.00")
    assert by_month[D(2026, 3, 1)] == Decimal("6000.00")
    assert by_month[D(2026, 6, 1)] == Decimal("800.00")
    assert Declaration.objects.get(pk=made[2].pk).status == DeclarationStatus.REJECTED


def test_only_the_desks_billing_role_decides(year_2026):
    declaration = year_2026.objects["declaration"]
    for actor in (
        resolve_actor(year_2026.users["superuser"], "acme"),
        desk_actor(year_2026.users["invoices"]),
    ):
        with pytest.raises(PermissionDenied):
            services.decide(actor=actor, declaration=declaration, approve=True)


def test_the_desk_rejects_in_its_admin_with_a_reason_the_employer_reads(year_2026):
    declaration = year_2026.objects["declaration"]
    desk = Client()
    desk.force_login(year_2026.users["desk"])
    listed = desk.get("/desk/billing/declaration/")
    assert listed.status_code == 200 and "Fysio Centrum" in listed.content.decode()
    assert desk.get(f"/desk/billing/declaration/{declaration.pk}/pdf/").content == bytes(declaration.file)
    asked = desk.post(
        "/desk/billing/declaration/", {"action": "reject", "_selected_action": [declaration.pk]}
    )
    assert asked.status_code == 200 and "reason" in asked.content.decode()
    desk.post(
        "/desk/billing/declaration/",
        {"action": "reject", "_selected_action": [declaration.pk], "reason": "Dubbel gedeclareerd"},
    )
    assert Declaration.objects.get(pk=declaration.pk).reason == "Dubbel gedeclareerd"
    employer = Client()
    employer.force_login(year_2026.users["invoices"])
    assert "Dubbel gedeclareerd" in employer.get("/o/acme/declaraties/").content.decode()
