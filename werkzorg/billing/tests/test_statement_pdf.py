"""The statement's pages as printed: a line never split over two pages, the total once at the end."""

from __future__ import annotations

import io
from decimal import Decimal
from types import SimpleNamespace

from django.template.loader import render_to_string
from django.utils import translation
from pypdf import PdfReader

from werkzorg.core.pdf import html_to_pdf


def _line(position: int) -> SimpleNamespace:
    # Long enough names that each line takes two printed lines in its row.
    return SimpleNamespace(
        position=position,
        request_number=f"IV-2026-{position:05d}",
        intervention="Psychologische begeleiding kort",
        provider="Praktijk De Linde B.V.",
        period="5-1-2026 t/m 9-2-2026",
        kind="session",
        description="Sessie",
        gross=Decimal("145.20"),
        offset=Decimal("10.00"),
        net=Decimal("135.20"),
        get_payer_display="werkgever",
        to_pay=Decimal("135.20"),
    )


def test_a_statement_over_several_pages_keeps_each_line_whole_and_prints_the_total_once() -> None:
    lines = [_line(n) for n in range(1, 41)]
    for line in lines[::3]:  # rows of different heights, so that one meets the foot of a page
        line.description = "Sessie met werkgever met werkgever"
    statement = SimpleNamespace(
        number="VS-2026-Q1-0001",
        period_label="Q1 2026",
        collectivity=None,
        issued_at=None,
        headcount=None,
        headcount_date=None,
        total=Decimal("5408.00"),
    )
    context = {
        "statement": statement,
        "organisation": SimpleNamespace(name="Acme"),
        "totals": [],
        "offset_total": Decimal("400.00"),
        "operator_name": "Werkzorg",
        "lines": lines,
        "first": True,
        "last": True,
    }
    with translation.override("nl"):
        pdf = html_to_pdf(render_to_string("billing/statement_pdf.html", context))
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) >= 3  # forty rows of two or three printed lines, some fifteen to a page
    for text in pages:
        # Each line's first printed line (its number) and its last (the end of its intervention) together.
        assert text.count("IV-2026-") == text.count("kort")
    everything = "\n".join(pages)
    assert everything.count("IV-2026-") == 40
    # The offset total is only in the table's total row; the amount to pay also in the closing sentence.
    assert everything.count("400,00") == 1
    assert everything.count("5.408,00") == 2
    assert "400,00" in pages[-1]
