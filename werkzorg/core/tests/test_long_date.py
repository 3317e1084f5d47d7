"""The long date filter writes what Django's `|date:"j F Y"` writes, in Dutch and in English."""

import datetime

import pytest
from django.template import engines
from django.utils import translation

D = datetime.date
PAIR = engines["django"].from_string('{% load werkzorg %}[{{ value|long_date }}][{{ value|date:"j F Y" }}]')


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_month_and_the_odd_values_as_django_writes_them(language: str) -> None:
    values: list[object] = [D(2026, month, day) for month in range(1, 13) for day in (1, 9, 28)]
    values += [
        D(987, 7, 4),
        D(2026, 12, 31),
        # 23:30 UTC on 28 March 2026 is 00:30 on the 29th in Amsterdam (winter time, UTC+1).
        datetime.datetime(2026, 3, 28, 23, 30, tzinfo=datetime.UTC),
        None,
        "",
        "not a date",
    ]
    with translation.override(language):
        for value in values:
            ours, djangos = PAIR.render({"value": value})[1:-1].split("][")
            assert ours == djangos, value


def test_the_words_are_the_languages() -> None:
    template = engines["django"].from_string("{% load werkzorg %}{{ value|long_date }}")
    for language, expected in (("nl", "9 maart 2026"), ("en", "9 March 2026"), ("nl", "9 maart 2026")):
        with translation.override(language):
            assert template.render({"value": D(2026, 3, 9)}) == expected
