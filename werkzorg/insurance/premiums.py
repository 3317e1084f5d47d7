"""The premium arithmetic of a statement line, with Decimal and no database.

- A month's premium is the product's monthly premium for the days of the month the person is in the
  collectivity and holds the product: `monthly x covered days / days in the month`, rounded to the cent
  half up, per line (one product, one person, one month). A whole month is the monthly premium exactly.
- The employer's contribution is computed the same way and never exceeds the premium; what is withheld
  from salary is premium minus contribution.
- Children under 18 owe no premium (Zorgverzekeringswet art. 16 for the basic insurance; for
  supplementary products we follow the same rule, as Dutch insurers commonly do). A child is under 18
  for a month when they are under 18 on its first day, so the premium starts the month after the 18th
  birthday (or that month, when the birthday is the 1st): our reading, stated here and tested.
- The price of a month is the price valid on its first day (a contract's price list changes on 1 January).
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Price:
    valid_from: datetime.date
    premium: Decimal
    contribution: Decimal


@dataclass(frozen=True)
class Amounts:
    days: int
    premium: Decimal
    contribution: Decimal

    @property
    def withheld(self) -> Decimal:
        return self.premium - self.contribution


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def month_end(day: datetime.date) -> datetime.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (or earlier), on the month's last day where it has fewer days."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def months_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """The first days of every month from `first`'s to `last`'s, both included."""
    months, current = [], month_start(first)
    while current <= last:
        months.append(current)
        current = add_months(current, 1)
    return months


def covered_days(month: datetime.date, periods: Sequence[tuple[datetime.date, datetime.date | None]]) -> int:
    """Days of `month` inside every one of `periods` (start, inclusive end or None)."""
    start, end = month_start(month), month_end(month)
    for period_start, period_end in periods:
        start = max(start, period_start)
        if period_end is not None:
            end = min(end, period_end)
    return max((end - start).days + 1, 0)


def is_child(date_of_birth: datetime.date, month: datetime.date) -> bool:
    first = month_start(month)
    eighteenth = add_months(date_of_birth, 18 * 12)
    return first < eighteenth


def price_on(prices: Sequence[Price], day: datetime.date) -> Price | None:
    """The latest price valid on `day`; `prices` in any order."""
    valid = [p for p in prices if p.valid_from <= day]
    return max(valid, key=lambda p: p.valid_from) if valid else None


def _part(monthly: Decimal, days: int, days_in_month: int) -> Decimal:
    if days == days_in_month:
        return monthly.quantize(CENT)
    return (monthly * days / days_in_month).quantize(CENT, rounding=ROUND_HALF_UP)


def month_amounts(
    month: datetime.date,
    periods: Sequence[tuple[datetime.date, datetime.date | None]],
    prices: Sequence[Price],
    date_of_birth: datetime.date,
) -> Amounts | None:
    """What one product of one person costs in `month`; None when not covered that month or unpriced."""
    days = covered_days(month, periods)
    price = price_on(prices, month_start(month))
    if days == 0 or price is None:
        return None
    if is_child(date_of_birth, month):
        return Amounts(days, ZERO, ZERO)
    days_in_month = calendar.monthrange(month.year, month.month)[1]
    premium = _part(price.premium, days, days_in_month)
    contribution = min(_part(price.contribution, days, days_in_month), premium)
    return Amounts(days, premium, contribution)
