"""Statements, corrections and moves against sums worked out by hand (prices: basic 120.00 with a
contribution of 20.00, supplementary 30.00 with 10.00; February 2026 has 28 days)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db.models import Sum

from werkzorg.access import resolve_actor
from werkzorg.insurance import services
from werkzorg.insurance.models import InsuranceContract, LineKind, Relation, Statement
from werkzorg.insurance.services.statements import issue_statement
from werkzorg.insurance.tests.factories import contract, insured

pytestmark = pytest.mark.django_db
D = datetime.date
PRICES = {"BASIS": ("120.00", "20.00"), "AV": ("30.00", "10.00")}


def _issue(made: InsuranceContract, month: datetime.date) -> Statement:
    return issue_statement(actor=None, contract=made, month=month)


def _totals(statement: Statement) -> tuple[Decimal, Decimal, Decimal, int]:
    return (
        statement.total_premium,
        statement.total_contribution,
        statement.total_withheld,
        statement.line_count,
    )


@pytest.fixture
def family(world):  # type: ignore[no-untyped-def]
    made = contract(world.org, prices=PRICES)
    made.retroactive_months = 24
    made.save()
    holder = insured(made, products=["BASIS", "AV"])
    partner = insured(made, relation=Relation.PARTNER, holder=holder, born=D(1982, 1, 9))
    child = insured(made, relation=Relation.CHILD, holder=holder, born=D(2015, 3, 10))
    return made, holder, partner, child


def test_it_states_each_product_of_each_person_with_children_at_zero(world, family) -> None:  # type: ignore[no-untyped-def]
    made, holder, _partner, _child = family
    january = _issue(made, D(2026, 1, 1))
    assert _totals(january) == (Decimal("270.00"), Decimal("50.00"), Decimal("220.00"), 4)
    assert january.number == f"BOR-{made.collectivity.collectivity_number}-202601"
    assert sorted(january.lines.values_list("premium", flat=True)) == [
        Decimal("0.00"),
        Decimal("30.00"),
        Decimal("120.00"),
        Decimal("120.00"),
    ]
    [row] = services.policyholder_totals(january)
    assert (row["holder_policy_number"], row["premium"], row["withheld"]) == (
        holder.policy_number,
        Decimal("270.00"),
        Decimal("220.00"),
    )


def test_a_deregistration_in_an_issued_month_is_corrected_on_the_next_statement(world, family) -> None:  # type: ignore[no-untyped-def]
    made, holder, _partner, _child = family
    actor = resolve_actor(world.users["insurance"], "acme")
    _issue(made, D(2026, 1, 1))
    february = _issue(made, D(2026, 2, 1))
    assert _totals(february) == (Decimal("270.00"), Decimal("50.00"), Decimal("220.00"), 4)
    left = services.deregister(
        actor=actor, insured_id=holder.pk, end_date=D(2026, 2, 14), reason="Uit dienst"
    )
    assert {p.end_date for p in left} == {D(2026, 2, 14)} and len(left) == 3
    march = _issue(made, D(2026, 3, 1))
    # 14 of February's 28 days: holder basic -60.00/-10.00, holder supplementary -15.00/-5.00, partner
    # basic -60.00/-10.00; the child paid nothing and stays at nothing. No regular lines in March.
    assert _totals(march) == (Decimal("-135.00"), Decimal("-25.00"), Decimal("-110.00"), 3)
    assert set(march.lines.values_list("kind", "period")) == {(LineKind.CORRECTION, D(2026, 2, 1))}
    assert _issue(made, D(2026, 3, 1)).pk == march.pk  # issuing twice gives the same statement
    assert _totals(Statement.objects.get(pk=february.pk))[0] == Decimal("270.00")  # issued stays as it was
    assert _totals(_issue(made, D(2026, 4, 1))) == (Decimal("0.00"), Decimal("0.00"), Decimal("0.00"), 0)


def test_the_end_date_is_inclusive(world, family) -> None:  # type: ignore[no-untyped-def]
    made, holder, _partner, _child = family
    actor = resolve_actor(world.users["insurance"], "acme")
    services.deregister(actor=actor, insured_id=holder.pk, end_date=D(2026, 4, 30))  # leaves on 1 May
    assert _totals(_issue(made, D(2026, 4, 1)))[0] == Decimal("270.00")
    assert _totals(_issue(made, D(2026, 5, 1)))[0] == Decimal("0.00")


def test_a_family_member_may_leave_alone(world, family) -> None:  # type: ignore[no-untyped-def]
    made, holder, partner, _child = family
    actor = resolve_actor(world.users["insurance"], "acme")
    assert services.deregister(actor=actor, insured_id=partner.pk, end_date=D(2026, 1, 31)) == [partner]
    holder.refresh_from_db()
    assert holder.end_date is None
    assert _totals(_issue(made, D(2026, 2, 1)))[0] == Decimal("150.00")


def test_a_move_credits_the_old_collectivity_and_debits_the_new(world) -> None:  # type: ignore[no-untyped-def]
    old, new = contract(world.org), contract(world.org)
    for made in (old, new):
        made.retroactive_months = 24
        made.save()
    person = insured(old)
    actor = resolve_actor(world.users["insurance"], "acme")
    for month in (D(2026, 1, 1), D(2026, 2, 1)):
        _issue(old, month)
        _issue(new, month)
    [moved] = services.move_insured(
        actor=actor, insured_id=person.pk, collectivity_id=new.collectivity_id, effective_date=D(2026, 2, 15)
    )
    assert (moved.collectivity_id, moved.start_date, moved.policy_number) == (
        new.collectivity_id,
        D(2026, 2, 15),
        person.policy_number,
    )
    # February: 14 days in each. Old: -60.00 / -10.00 and nothing in March; new: +60.00 / +10.00 and
    # March in full (120.00 / 20.00).
    assert _totals(_issue(old, D(2026, 3, 1))) == (Decimal("-60.00"), Decimal("-10.00"), Decimal("-50.00"), 1)
    assert _totals(_issue(new, D(2026, 3, 1))) == (Decimal("180.00"), Decimal("30.00"), Decimal("150.00"), 2)


def test_a_statement_total_is_the_sum_of_its_lines(world, family) -> None:  # type: ignore[no-untyped-def]
    made, holder, _partner, _child = family
    actor = resolve_actor(world.users["insurance"], "acme")
    _issue(made, D(2026, 1, 1))
    services.deregister(actor=actor, insured_id=holder.pk, end_date=D(2026, 1, 10))
    statement = _issue(made, D(2026, 2, 1))
    sums = statement.lines.aggregate(p=Sum("premium"), c=Sum("contribution"), w=Sum("withheld"))
    assert (sums["p"], sums["c"], sums["w"]) == _totals(statement)[:3]


def test_a_centrally_paid_collectivity_gets_an_invoice_and_a_reminder_when_overdue(world) -> None:  # type: ignore[no-untyped-def]
    made = contract(world.org, payment="central", prices={"BASIS": ("120.00", "0.00")})
    insured(made)
    statement = _issue(made, D(2026, 1, 1))
    invoice = statement.invoice
    assert (invoice.amount, invoice.due_date, invoice.number) == (
        Decimal("120.00"),
        D(2026, 1, 31),
        statement.number.replace("BOR-", "FAC-"),
    )
    assert services.send_payment_reminders(D(2026, 1, 31)) == 0
    assert services.send_payment_reminders(D(2026, 2, 1)) == 1
    assert services.send_payment_reminders(D(2026, 2, 2)) == 0  # one reminder, not one a day
    actor = resolve_actor(world.users["insurance"], "acme")
    listed = list(services.statements(actor))
    assert (
        statement not in listed and world.objects["statement"] in listed
    )  # central: an invoice's, not to withhold


def test_statement_lines_written_by_copy_keep_their_exact_amounts(world, family) -> None:  # type: ignore[no-untyped-def]
    from werkzorg.core.bulk import insert_all
    from werkzorg.insurance.models import StatementLine

    made, _holder, _partner, _child = family
    january = _issue(made, D(2026, 1, 1))
    template = january.lines.order_by("-pk").first()
    last = template.pk
    amounts = [Decimal("-60.00"), Decimal("38.71"), Decimal("0.00"), Decimal("1234567.89")]
    copies = []
    for amount in amounts:
        template.pk, template.premium, template.contribution, template.withheld = (
            None,
            amount,
            -amount,
            amount,
        )
        copies.append(
            StatementLine(
                **{f.attname: getattr(template, f.attname) for f in StatementLine._meta.concrete_fields}
            )
        )
    insert_all(StatementLine, copies)
    stored = list(january.lines.filter(pk__gt=last).order_by("pk").values_list("premium", "contribution"))
    assert stored == [(a, -a) for a in amounts]
