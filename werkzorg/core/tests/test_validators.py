"""The quick path for Dutch mobile numbers gives exactly libphonenumber's answer."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from werkzorg.core.validators import DUTCH_MOBILE, PHONE_SEPARATORS, normalise_phone, parse_phone

separators = st.text(alphabet=" -.", max_size=2)


@st.composite
def written_numbers(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(["0", "+31", "0031", "+31 (0)"]))
    digits = (
        "6"
        + draw(st.sampled_from("0123456789"))
        + draw(st.text(alphabet="0123456789", min_size=6, max_size=8))
    )
    parts = [prefix, *digits]
    return "".join(part + draw(separators) for part in parts).strip()


@given(written_numbers())
def test_the_quick_path_agrees_with_libphonenumber(written: str) -> None:
    try:
        expected: str | None = parse_phone(written.replace("(0)", ""))
    except ValidationError:
        expected = None
    try:
        found: str | None = normalise_phone(written)
    except ValidationError:
        found = None
    assert found == expected


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("06 12345678", "+31612345678"),
        ("06-1234 5678", "+31612345678"),
        ("+31 6 12345678", "+31612345678"),
        ("0031612345678", "+31612345678"),
        ("+31 (0)6 12345678", "+31612345678"),
        ("+32 470 12 34 56", "+32470123456"),  # Belgian mobile: the full parse
    ],
)
def test_numbers_as_people_write_them(written: str, stored: str) -> None:
    assert normalise_phone(written) == stored


@pytest.mark.parametrize("written", ["06 6123456", "0669123456", "020 1234567", "06 1234567"])
def test_pagers_landlines_and_short_numbers_are_refused(written: str) -> None:
    with pytest.raises(ValidationError):
        normalise_phone(written)


def test_the_quick_path_takes_the_usual_forms() -> None:
    assert DUTCH_MOBILE.fullmatch("06 12345678".translate(PHONE_SEPARATORS))
