"""The declarative importer: every row checked first, every problem reported, nothing written unless all pass."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django import forms
from django.utils import translation

from werkzorg.core.importer import Column, Importer
from werkzorg.core.tabular import ImportReport, Table

pytestmark = pytest.mark.django_db  # the write runs in a transaction


def table(*rows: dict[str, str], header: tuple[str, ...] = ("nummer", "naam")) -> Table:
    return Table(header=list(header), rows=[(line, row) for line, row in enumerate(rows, start=2)])


def positive(value: str) -> list[str]:
    return [] if value.isdigit() else ["not a number"]


IMPORTER = Importer(
    [
        Column("number", ("nummer", "number"), required=True, check=positive, unique=True),
        Column("name", ("naam",)),
    ]
)


def run(source: Table, importer: Importer = IMPORTER) -> tuple[ImportReport, list[dict[str, Any]]]:
    written: list[dict[str, Any]] = []

    def write(rows: list[dict[str, Any]], report: ImportReport) -> None:
        written.extend(rows)
        report.created = len(rows)

    with translation.override("en"):
        return importer.run(source, write=write), written


def test_good_rows_are_written_together() -> None:
    report, written = run(table({"nummer": "1", "naam": "A"}, {"nummer": "2", "naam": " B "}))
    assert report.ok and report.created == 2
    assert written == [{"number": "1", "name": "A"}, {"number": "2", "name": "B"}]


def test_one_bad_row_writes_nothing_and_every_problem_is_named_by_line() -> None:
    report, written = run(
        table({"nummer": "1"}, {"nummer": "x"}, {"nummer": ""}, {"nummer": "1"}),
    )
    assert written == []
    assert [(e.line, e.messages) for e in report.errors] == [
        (3, ["not a number"]),
        (4, ["nummer is missing."]),
        (5, ["nummer 1 also appears on line 2."]),
    ]


def test_a_missing_required_column_is_reported_once() -> None:
    report, written = run(table({"naam": "A"}, header=("naam",)))
    assert written == [] and [(e.line, e.messages) for e in report.errors] == [
        (1, ["Missing column(s): nummer."])
    ]


def test_the_row_check_sees_clean_values_and_may_refuse() -> None:
    def check(data: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
        return ({"number": int(data["number"])}, []) if data["number"] != "7" else ({}, ["seven is refused"])

    importer = Importer(IMPORTER.columns, row_check=check)
    report, written = run(table({"nummer": "3"}), importer)
    assert written == [{"number": 3}]
    report, written = run(table({"nummer": "3"}, {"nummer": "7"}), importer)
    assert written == [] and report.errors[0].messages == ["seven is refused"]


class CountingDateField(forms.DateField):
    calls = 0

    def clean(self, value: Any) -> Any:
        CountingDateField.calls += 1
        return super().clean(value)


def test_a_form_field_cleans_each_distinct_value_once_with_its_own_messages() -> None:
    importer = Importer(
        [
            Column("number", ("nummer",), required=True, unique=True),
            Column(
                "day", ("datum",), form_field=CountingDateField(label="Datum", input_formats=["%d-%m-%Y"])
            ),
        ]
    )
    CountingDateField.calls = 0
    rows = [{"nummer": str(n), "datum": "01-02-2026"} for n in range(50)]
    report, written = run(table(*rows, header=("nummer", "datum")), importer)
    assert report.ok and CountingDateField.calls == 1
    assert {row["day"] for row in written} == {datetime.date(2026, 2, 1)}
    report, _ = run(table({"nummer": "1", "datum": "31-02-2026"}, header=("nummer", "datum")), importer)
    assert [(e.line, e.messages) for e in report.errors] == [(2, ["Datum: Enter a valid date."])]


def test_a_required_form_field_makes_its_column_required() -> None:
    importer = Importer([Column("name", ("naam",), required=True, form_field=forms.CharField(label="Naam"))])
    report, _ = run(table({"naam": ""}, header=("naam",)), importer)
    assert [(e.line, e.messages) for e in report.errors] == [(2, ["Naam: This field is required."])]
