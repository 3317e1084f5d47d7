"""Reading uploaded CSV and Excel files safely, and writing Excel and CSV exports without formula injection."""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db.models import Case, CharField, F, Q, Value, When
from django.db.models.functions import Concat
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell

from werkzorg.core.errors import DomainError

# A register of 100,000 people is one file: about 10 MB as CSV, 4 MB as Excel (150 MB unpacked).
MAX_UPLOAD_MB = 25
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
MAX_UNZIPPED_BYTES = 250 * 1024 * 1024
MAX_ROWS = 100_000


@dataclass
class RowError:
    line: int
    messages: list[str]


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (line number in the file, values by normalised header)


def normalise_header(value: Any) -> str:
    return " ".join(str(value or "").strip().lower().replace("_", " ").split())


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(upload: UploadedFile) -> Table:
    """Read a CSV or .xlsx upload into rows; refuse oversized files and zip bombs with a clear message.

    Rows are read one by one and reading stops at the row limit, so a huge file costs no more than a full one.
    """
    if upload.size is None or upload.size > MAX_UPLOAD_BYTES:
        raise DomainError(
            _("The file is larger than %(mb)d MB. Split it into smaller files.") % {"mb": MAX_UPLOAD_MB}
        )
    name = (upload.name or "").lower()
    data = upload.read()
    if name.endswith(".xlsx"):
        raw_rows: Iterable[tuple[int, Sequence[Any]]] = _read_xlsx(data)
    elif name.endswith((".csv", ".txt")):
        raw_rows = _read_csv(data)
    else:
        raise DomainError(_("Upload a .csv or .xlsx file."))
    rows: list[tuple[int, Sequence[Any]]] = []
    for line, values in raw_rows:
        if any(_cell_text(c) for c in values):
            rows.append((line, values))
            if len(rows) > MAX_ROWS + 1:  # the header plus MAX_ROWS
                raise DomainError(
                    _("The file has more than %(max)d rows. Split it into smaller files.") % {"max": MAX_ROWS}
                )
    if not rows:
        raise DomainError(_("The file is empty."))
    header = [normalise_header(c) for c in rows[0][1]]
    table_rows = [
        (line, {header[i]: _cell_text(v) for i, v in enumerate(values) if i < len(header) and header[i]})
        for line, values in rows[1:]
    ]
    return Table(header=header, rows=table_rows)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 (BOM, or recognised by its zero bytes) or Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16")
    sample = data[:4096]
    if sample and sample.count(0) > len(sample) // 4:  # UTF-16 without a BOM: every other byte is zero
        return _decode(data, "utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be")
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DomainError(
        _("The file's text encoding is not recognised. Save it as CSV UTF-8 and upload it again.")
    )


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DomainError(
            _("The file's text encoding is not recognised. Save it as CSV UTF-8 and upload it again.")
        ) from exc


def _read_csv(data: bytes) -> Iterator[tuple[int, Sequence[Any]]]:
    text = decode_text(data)
    if "\x00" in text:
        raise DomainError(_("This is not a text (CSV) file."))
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    try:
        yield from enumerate(csv.reader(io.StringIO(text), dialect), start=1)
    except csv.Error as exc:
        raise DomainError(_("The CSV file could not be read: %(error)s") % {"error": exc}) from exc


def _read_xlsx(data: bytes) -> list[tuple[int, Sequence[Any]]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED_BYTES:
                raise DomainError(
                    _("The Excel file unpacks to more than %(mb)d MB; it is refused.")
                    % {"mb": MAX_UNZIPPED_BYTES // (1024 * 1024)}
                )
        # openpyxl parses with defusedxml when it is installed (it is a dependency), so no XML bombs.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except DomainError:
        raise
    except Exception as exc:
        raise DomainError(_("This is not a readable Excel (.xlsx) file.")) from exc
    sheet = workbook.worksheets[0]
    rows: list[tuple[int, Sequence[Any]]] = []
    for index, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        rows.append((index, row))
        if index > MAX_ROWS + 1:
            break
    workbook.close()
    return rows


# A spreadsheet program treats a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(field: str) -> Case:
    """A text column as a spreadsheet will show it as written: one that would start a formula gets an
    apostrophe in front (a phone number "+316..." too). Done in the query, so rows go to the csv module
    as they come from the database."""
    starts = Q()
    for start in FORMULA_STARTS:
        starts |= Q(**{f"{field}__startswith": start})
    return Case(When(starts, then=Concat(Value("'"), F(field))), default=F(field), output_field=CharField())


def csv_text(value: Any) -> Any:
    """The Python side of `csv_safe`, for rows that do not come straight from a query."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """CSV as Dutch Excel opens it: semicolons, UTF-8 with a BOM, dates as ISO (yyyy-mm-dd), which Excel
    reads in any language. Text columns come through `csv_safe`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")


def write_xlsx(header: Sequence[str], rows: Iterable[Sequence[Any]], title: str) -> bytes:
    """Text starting with "=" is what openpyxl would write as a formula: it goes in as a text cell, shown
    exactly as it is. Every other value is appended as it comes (openpyxl's write-only fast path)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append(header)

    def as_text(value: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell

    for row in rows:
        sheet.append([as_text(v) if v.__class__ is str and v[:1] == "=" else v for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
