"""Reading uploads: encodings are recognised, limits hold while reading, garbage gets a clear message."""

from __future__ import annotations

import codecs

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from werkzorg.core.errors import DomainError
from werkzorg.core.tabular import MAX_ROWS, read_table

TEXT = "personeelsnummer;achternaam\n1;Öztürk\n2;Dijkstra-Élan\n"


def upload(data: bytes, name: str = "medewerkers.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with a BOM, as Excel's "Unicode text" writes it
        TEXT.encode("utf-16-le"),  # without one
        TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-le-no-bom", "windows-1252"],
)
def test_the_usual_encodings_are_read_as_written(data: bytes) -> None:
    table = read_table(upload(data))
    assert table.header == ["personeelsnummer", "achternaam"]
    assert [row["achternaam"] for _line, row in table.rows] == ["Öztürk", "Dijkstra-Élan"]


def test_an_unknown_encoding_gets_a_clear_message() -> None:
    with translation.override("en"), pytest.raises(DomainError, match="encoding is not recognised"):
        read_table(upload(b"naam\n\x81\x8d\x8f\x90\x9d\n"))  # bytes that are neither UTF-8 nor Windows-1252


def test_reading_stops_at_the_row_limit() -> None:
    """Rows past the limit are never parsed: the oversized field far below it is not even reached."""
    rows = "".join(f"{n};x\n" for n in range(MAX_ROWS + 5))
    data = ("nummer;naam\n" + rows + '1;"' + "x" * 200_000 + '"\n').encode()
    with translation.override("en"), pytest.raises(DomainError, match="more than 100000 rows"):
        read_table(upload(data))


def test_a_binary_file_posing_as_csv_is_refused() -> None:
    with translation.override("en"), pytest.raises(DomainError):
        read_table(upload(b"\x00\x01\x02\x03" * 100))
