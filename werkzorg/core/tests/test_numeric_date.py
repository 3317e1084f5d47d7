"""The numeric date filter writes what Django's date filter writes for the formats lists use."""

import datetime

import pytest
from django.template import engines
from django.utils import translation

D = datetime.date


def render(value: object, date_format: str) -> str:
    template = engines["django"].from_string("{% load werkzorg %}[{{ value|numeric_date:fmt }}]")
    return template.render({"value": value, "fmt": date_format})


@pytest.mark.parametrize(
    ("value", "date_format", "expected"),
    [
        (D(2016, 1, 1), "d-m-Y", "[01-01-2016]"),
        (D(2016, 1, 1), "j-n-Y", "[1-1-2016]"),
        (D(2026, 12, 31), "d-m-Y", "[31-12-2026]"),
        (D(987, 7, 4), "d-m-Y", "[04-07-0987]"),
        (D(2026, 3, 9), "m-Y", "[03-2026]"),
        # 23:30 UTC on 28 March 2026 is 00:30 on the 29th in Amsterdam (winter time, UTC+1).
        (datetime.datetime(2026, 3, 28, 23, 30, tzinfo=datetime.UTC), "d-m-Y", "[29-03-2026]"),
        (None, "d-m-Y", "[]"),
        ("", "d-m-Y", "[]"),
        ("not a date", "d-m-Y", "[]"),
    ],
)
def test_numeric_formats(value: object, date_format: str, expected: str) -> None:
    assert render(value, date_format) == expected


def test_other_formats_are_djangos() -> None:
    with translation.override("nl"):
        assert render(D(2026, 3, 9), "j F Y") == "[9 maart 2026]"
        assert (
            render(datetime.datetime(2026, 3, 9, 14, 5, tzinfo=datetime.UTC), "d-m-Y H:i")
            == "[09-03-2026 15:05]"
        )
