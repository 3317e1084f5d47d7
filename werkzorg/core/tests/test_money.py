"""|money writes what Django's |floatformat:"2g" writes, in both languages, for every amount."""

from decimal import Decimal

import pytest
from django.template.defaultfilters import floatformat
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from werkzorg.core.templatetags.werkzorg import money

amounts = st.decimals(min_value=-(10**9), max_value=10**9, places=4, allow_nan=False, allow_infinity=False)


@given(amount=amounts)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_money_is_floatformat_2g(language: str, amount: Decimal) -> None:
    with translation.override(language):
        assert money(amount) == floatformat(amount, "2g")


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("nl", Decimal("1234.5"), "1.234,50"),
        ("nl", Decimal("-1234567.5"), "-1.234.567,50"),
        ("nl", Decimal("999.995"), "1.000,00"),
        ("nl", Decimal("-0.004"), "0,00"),
        ("en", Decimal("1234.5"), "1,234.50"),
        ("nl", 12, "12,00"),
        ("nl", "7.125", "7,13"),
        ("nl", None, ""),
        ("nl", "", ""),
        ("nl", "geen bedrag", ""),
    ],
)
def test_money_by_hand(language: str, value: object, expected: str) -> None:
    with translation.override(language):
        assert money(value) == expected
