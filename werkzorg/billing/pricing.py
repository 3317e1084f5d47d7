"""Money rules, in one place: rounding per line, prices per year, who pays a line, quarters.

Amounts are Decimal throughout. Rounding is per line: VAT = amount excl. VAT x rate, rounded half up to
the cent (as the Dutch tax authority allows per invoice line); gross = excl. VAT + VAT; net = gross - the
part claimed from the employee's own insurer. Totals are sums of rounded lines, never rounded again.
"""

from __future__ import annotations

import calendar
import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from werkzorg.billing.models import BillingContract, Payer, PriceListEntry

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
# When the year's price list has no entry: the catalogue price per session, at the standard VAT rate.
STANDARD_VAT = Decimal("0.21")


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def vat_of(amount_excl_vat: Decimal, rate: Decimal) -> Decimal:
    return cents(amount_excl_vat * rate)


def session_price(intervention: Any, year: int) -> tuple[Decimal, Decimal]:
    """(price per session excl. VAT, VAT rate) in `year`: the price list, else the catalogue."""
    entry = PriceListEntry.objects.filter(intervention=intervention, year=year).first()
    if entry is not None:
        return entry.session_price, entry.vat_rate
    return cents(intervention.price_excl_vat / max(intervention.sessions, 1)), STANDARD_VAT


def payer_for(contract: BillingContract | None, category: str) -> Payer:
    """Who pays a line of an intervention in `category` under the employer's contract (the desk may change
    it, for instance to an absence insurer)."""
    if contract is None:
        return Payer.EMPLOYER
    if contract.is_fixed_fee and category in contract.included_categories:
        return Payer.FIXED_FEE
    return Payer.VITALITY_BUDGET if contract.pay_from_budget else Payer.EMPLOYER


def quarter_of(day: datetime.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    first_month = 3 * (quarter - 1) + 1
    last_month = first_month + 2
    return (
        datetime.date(year, first_month, 1),
        datetime.date(year, last_month, calendar.monthrange(year, last_month)[1]),
    )


def previous_quarter(today: datetime.date) -> tuple[int, int]:
    year, quarter = quarter_of(today)
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


def fixed_fee_for_quarter(fee_per_employee_year: Decimal, headcount: int) -> Decimal:
    """A quarter of the year's fee for everyone counted, rounded once (one line)."""
    return cents(fee_per_employee_year * headcount / 4)
