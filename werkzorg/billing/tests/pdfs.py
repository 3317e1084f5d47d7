"""Small real PDFs for tests (an upload must be a PDF that can be appended to a statement)."""

import io

from pypdf import PdfWriter


def invoice_pdf(text: str = "invoice") -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": text})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
