"""On PostgreSQL a month's regular lines are computed by one SQL statement; they must be exactly the lines
the Python reference (premiums.py) computes, for any population: part months, family members, children
turning 18, price changes, products held for part of the membership, contributions above the premium.

The hand-worked sums of test_statements.py run through the same path on each database."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection, transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from werkzorg.insurance.models import ContractPrice, Coverage, Relation, Statement, StatementLine
from werkzorg.insurance.services.lines import insert_regular_lines_sql, regular_lines
from werkzorg.insurance.tests.factories import contract, insured, product

pytestmark = pytest.mark.django_db
D = datetime.date
FIELDS = (
    "insured_id",
    "holder_policy_number",
    "holder_employee_number",
    "holder_name",
    "policy_number",
    "name",
    "relation",
    "product_id",
    "period",
    "kind",
    "days",
    "premium",
    "contribution",
    "withheld",
)
JANUARY = D(2026, 1, 1)
days_in_2026 = st.integers(min_value=0, max_value=200).map(lambda n: JANUARY + datetime.timedelta(days=n))
money = st.decimals(min_value=0, max_value=500, places=2)
person = st.fixed_dictionaries(
    {
        "start": days_in_2026,
        "length": st.one_of(st.none(), st.integers(min_value=0, max_value=120)),
        # around the 18th birthday within the months drawn, and adults
        "born": st.one_of(
            st.integers(min_value=0, max_value=240).map(lambda n: D(2008, 1, 1) + datetime.timedelta(days=n)),
            st.just(D(1975, 2, 28)),
            st.just(D(2008, 2, 29)),
        ),
        "children": st.integers(min_value=0, max_value=2),
        "supplementary_from": st.one_of(st.none(), days_in_2026),
        "prefix": st.sampled_from(["", "van der"]),
        # the policyholder leaves after ten days, the family stays: their lines carry their own names
        "holder_leaves": st.booleans(),
    }
)


def _rows(lines: Any) -> list[tuple[Any, ...]]:
    return sorted(
        tuple(getattr(line, f) if not isinstance(line, dict) else line[f] for f in FIELDS) for line in lines
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQL path runs on PostgreSQL only")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    people=st.lists(person, min_size=1, max_size=6),
    month=st.integers(min_value=0, max_value=6).map(lambda n: D(2026, 1 + n, 1)),
    basic=st.tuples(money, money),
    supplementary=st.tuples(money, money),
    april_price=st.one_of(st.none(), money),
)
# By hand, so the rare cases are always tried: a child turning 18 in March is free in February; 22 of
# January's 31 days; the supplementary product from the 20th; a contribution above the premium; in
# February a family whose policyholder left in January.
@example(
    people=[
        {
            "start": D(2026, 1, 10),
            "length": None,
            "born": D(2008, 3, 15),
            "children": 1,
            "supplementary_from": D(2026, 1, 20),
            "prefix": "van der",
        },
    ],
    month=D(2026, 2, 1),
    basic=(Decimal("10.01"), Decimal("12.00")),
    supplementary=(Decimal("31.00"), Decimal("0.50")),
    april_price=None,
)
@example(
    people=[
        {
            "start": D(2026, 1, 10),
            "length": 100,
            "born": D(2008, 3, 15),
            "children": 2,
            "supplementary_from": D(2026, 1, 20),
            "prefix": "",
            "holder_leaves": True,
        },
    ],
    month=D(2026, 2, 1),
    basic=(Decimal("10.01"), Decimal("12.00")),
    supplementary=(Decimal("31.00"), Decimal("0.50")),
    april_price=None,
)
def test_sql_lines_equal_the_python_reference(
    world: Any,
    people: list[dict[str, Any]],
    month: datetime.date,
    basic: tuple[Decimal, Decimal],
    supplementary: tuple[Decimal, Decimal],
    april_price: Decimal | None,
) -> None:
    with transaction.atomic():
        made = contract(
            world.org,
            prices={"BASIS": tuple(map(str, basic)), "AV": tuple(map(str, supplementary))},  # type: ignore[dict-item]
        )
        if april_price is not None:
            ContractPrice.objects.create(
                contract=made,
                product=product("BASIS"),
                valid_from=D(2026, 4, 1),
                monthly_premium=april_price,
                employer_contribution=basic[1],
            )
        for drawn in people:
            end = (
                None if drawn["length"] is None else drawn["start"] + datetime.timedelta(days=drawn["length"])
            )
            holder_end = drawn["start"] + datetime.timedelta(days=10) if drawn.get("holder_leaves") else end
            holder = insured(made, start=drawn["start"], end=holder_end, last_name="Jansen")
            if drawn["prefix"]:
                holder.name_prefix = drawn["prefix"]
                holder.save(update_fields=["name_prefix"])
            for _ in range(drawn["children"]):
                insured(
                    made,
                    relation=Relation.CHILD,
                    holder=holder,
                    born=drawn["born"],
                    start=drawn["start"],
                    end=end,
                )
            if drawn["supplementary_from"] is not None:
                Coverage.objects.create(
                    insured=holder,
                    product=product("AV"),
                    start_date=drawn["supplementary_from"],
                    end_date=end,
                )
        statement = Statement.objects.create(
            collectivity=made.collectivity,
            number=f"T-{made.pk}-{month:%Y%m}",
            month=month,
            total_premium=0,
            total_contribution=0,
            total_withheld=0,
        )
        expected = _rows(regular_lines(statement, made, month))
        insert_regular_lines_sql(statement, made, month)
        assert _rows(StatementLine.objects.filter(statement=statement).values(*FIELDS)) == expected
        transaction.set_rollback(True)
