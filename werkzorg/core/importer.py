"""One declarative importer for every CSV/Excel upload: columns, checks, a report of every bad row, all or nothing.

An app declares its columns (with the Dutch and English headings people use), the checks per value and
per row, and a `write` function; `run()` reads every row first and writes only when all rows are good,
in one transaction. Used for employees, practitioners and the catalogue; ready for payroll and
insured-people files.

A column may name the form field the page uses (`form_field`): its `clean()` gives the value and the
same messages as the page, and it runs once per distinct value of the column (dates, departments and
empty cells repeat on 100,000 rows), which is what makes a large file quick without a second rule set.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from werkzorg.core.errors import DomainError
from werkzorg.core.forms import add_domain_error
from werkzorg.core.tabular import ImportReport, RowError, Table, read_table

# A row's values by field -> (cleaned values, problems). Cleaned values may be of any type.
RowCheck = Callable[[dict[str, str]], "tuple[dict[str, Any], list[str]]"]
Writer = Callable[[list[dict[str, Any]], ImportReport], None]


@dataclass(frozen=True)
class Column:
    field: str
    headings: Sequence[str]  # normalised (lower case) headings that mean this column; the first is shown
    required: bool = False
    check: Callable[[str], list[str]] | None = None
    unique: bool = False
    form_field: forms.Field | None = None

    @property
    def heading(self) -> str:
        return self.headings[0]


@dataclass(frozen=True)
class Importer:
    columns: Sequence[Column]
    row_check: RowCheck | None = None

    def validate(self, table: Table) -> tuple[list[dict[str, Any]], ImportReport]:
        report = ImportReport()
        by_heading = {h: c for c in self.columns for h in c.headings}
        present = {by_heading[h].field: h for h in table.header if h in by_heading}
        missing = [c.heading for c in self.columns if c.required and c.field not in present]
        if missing:
            report.errors.append(
                RowError(1, [_("Missing column(s): %(columns)s.") % {"columns": ", ".join(missing)}])
            )
            return [], report
        seen: dict[str, dict[str, int]] = {c.field: {} for c in self.columns if c.unique}
        memo: dict[str, dict[str, tuple[Any, list[str]]]] = {
            c.field: {} for c in self.columns if c.form_field
        }
        cleaners = [c for c in self.columns if c.form_field is not None and c.field in present]
        rows: list[dict[str, Any]] = []
        for line, values in table.rows:
            data = {field: values.get(heading, "").strip() for field, heading in present.items()}
            problems = self._check_values(data, line, seen)
            cleaned: dict[str, Any] = dict(data)
            for column in cleaners:
                value = data[column.field]
                outcome = memo[column.field].get(value)
                if outcome is None:
                    outcome = memo[column.field][value] = _clean(column, value)
                cleaned[column.field], column_problems = outcome
                problems.extend(column_problems)
            if self.row_check is not None and not problems:
                cleaned, problems = self.row_check(cleaned)
            if problems:
                report.errors.append(RowError(line, problems))
            else:
                rows.append(cleaned)
        return rows, report

    def _check_values(self, data: dict[str, str], line: int, seen: dict[str, dict[str, int]]) -> list[str]:
        problems: list[str] = []
        for column in self.columns:
            value = data.get(column.field, "")
            if column.required and not value and column.form_field is None:
                problems.append(_("%(column)s is missing.") % {"column": column.heading})
            elif value and column.check is not None:
                problems.extend(column.check(value))
            if column.unique and value:
                first = seen[column.field].setdefault(value, line)
                if first != line:
                    problems.append(
                        _("%(column)s %(value)s also appears on line %(line)d.")
                        % {"column": column.heading, "value": value, "line": first}
                    )
        return problems

    def run(self, table: Table, *, write: Writer) -> ImportReport:
        """Validate every row; write nothing unless all are good, then all in one transaction."""
        rows, report = self.validate(table)
        if report.ok:
            with transaction.atomic():
                write(rows, report)
        return report


def _clean(column: Column, value: str) -> tuple[Any, list[str]]:
    field = column.form_field
    assert field is not None
    try:
        return field.clean(value), []
    except ValidationError as error:
        return None, [f"{field.label}: {message}" if field.label else message for message in error.messages]


def handle_upload(
    request: HttpRequest, form: forms.Form, run: Callable[[Table], ImportReport]
) -> ImportReport | None:
    """The one shape of an upload page: read the file, run the import, say how it went.

    Returns the report of an import that was tried (check `.ok`), None when nothing was tried.
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        report = run(read_table(form.cleaned_data["file"]))
    except DomainError as error:
        add_domain_error(form, error)
        return None
    if report.ok:
        messages.success(
            request,
            _("Import done: %(created)d added, %(updated)d updated.")
            % {"created": report.created, "updated": report.updated},
        )
    return report
