"""The premium arithmetic, against amounts worked out by hand."""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from werkzorg.insurance.premiums import (
    Price,
    add_months,
    covered_days,
    is_child,
    month_amounts,
    months_between,
    price_on,
)

D = datetime.date
PRICE = [Price(D(2026, 1, 1), Decimal("120.00"), Decimal("20.00"))]
ADULT = D(1980, 5, 17)


def test_it_counts_the_covered_days_of_a_month_with_inclusive_ends() -> None:
    april = D(2026, 4, 1)
    assert covered_days(april, [(D(2026, 1, 1), None)]) == 30
    assert covered_days(april, [(D(2026, 1, 1), D(2026, 4, 30))]) == 30  # leaves on 1 May: April in full
    assert covered_days(april, [(D(2026, 1, 1), D(2026, 4, 15))]) == 15
    assert covered_days(april, [(D(2026, 4, 10), None)]) == 21
    assert covered_days(april, [(D(2026, 1, 1), D(2026, 3, 31))]) == 0
    assert covered_days(april, [(D(2026, 1, 1), None), (D(2026, 4, 20), D(2026, 4, 22))]) == 3


def test_it_charges_a_part_of_a_month_by_the_day_rounded_per_line() -> None:
    half_april = month_amounts(D(2026, 4, 1), [(D(2026, 1, 1), D(2026, 4, 15))], PRICE, ADULT)
    assert half_april is not None
    assert (half_april.days, half_april.premium, half_april.contribution, half_april.withheld) == (
        15,
        Decimal("60.00"),
        Decimal("10.00"),
        Decimal("50.00"),
    )
    # 10 of May's 31 days: 120 x 10 / 31 = 38.7096... -> 38.71; 20 x 10 / 31 = 6.4516... -> 6.45
    may = month_amounts(D(2026, 5, 1), [(D(2026, 5, 22), None)], PRICE, ADULT)
    assert may is not None
    assert (may.days, may.premium, may.contribution, may.withheld) == (
        10,
        Decimal("38.71"),
        Decimal("6.45"),
        Decimal("32.26"),
    )
    assert month_amounts(D(2026, 6, 1), [(D(2026, 1, 1), D(2026, 5, 31))], PRICE, ADULT) is None


def test_a_child_pays_nothing_until_the_month_after_turning_18() -> None:
    born = D(2010, 6, 15)
    assert is_child(born, D(2028, 6, 1))  # 17 on 1 June 2028
    assert not is_child(born, D(2028, 7, 1))
    assert not is_child(D(2010, 7, 1), D(2028, 7, 1))  # 18 on the first day itself
    free = month_amounts(D(2028, 6, 1), [(D(2026, 1, 1), None)], PRICE, born)
    assert free is not None and (free.premium, free.contribution) == (Decimal("0.00"), Decimal("0.00"))


def test_the_price_of_a_month_is_the_one_valid_on_its_first_day() -> None:
    prices = [
        Price(D(2025, 12, 1), Decimal("148.50"), Decimal("0")),
        Price(D(2026, 1, 1), Decimal("156.25"), Decimal("0")),
    ]
    assert price_on(prices, D(2025, 12, 1)) == prices[0]
    assert price_on(prices, D(2026, 3, 1)) == prices[1]
    assert price_on(prices, D(2025, 11, 30)) is None


def test_months_move_to_the_last_day_where_a_month_is_shorter() -> None:
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2026, 12, 2), -3) == D(2026, 9, 2)
    assert add_months(D(2026, 12, 15), 1) == D(2027, 1, 15)
    assert months_between(D(2025, 11, 20), D(2026, 2, 3)) == [
        D(2025, 11, 1),
        D(2025, 12, 1),
        D(2026, 1, 1),
        D(2026, 2, 1),
    ]


@given(
    premium=st.decimals(min_value=0, max_value=1000, places=2),
    contribution=st.decimals(min_value=0, max_value=1000, places=2),
    first=st.integers(min_value=1, max_value=28),
    last=st.integers(min_value=1, max_value=28),
)
def test_no_line_withholds_a_negative_amount_and_a_whole_month_is_the_monthly_premium(
    premium: Decimal, contribution: Decimal, first: int, last: int
) -> None:
    prices = [Price(D(2026, 1, 1), premium, contribution)]
    start, end = sorted((first, last))
    part = month_amounts(D(2026, 2, 1), [(D(2026, 2, start), D(2026, 2, end))], prices, ADULT)
    assert part is not None
    assert D(2026, 2, 1) <= D(2026, 2, start)
    assert Decimal(0) <= part.contribution <= part.premium <= premium
    assert part.withheld == part.premium - part.contribution >= 0
    whole = month_amounts(D(2026, 2, 1), [(D(2026, 1, 1), None)], prices, ADULT)
    assert whole is not None and whole.premium == premium
