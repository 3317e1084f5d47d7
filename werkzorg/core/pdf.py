"""PDF from HTML (WeasyPrint), for documents people download: statements, the employee's copies."""

from __future__ import annotations


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # heavy: loaded only when a PDF is made

    return bytes(HTML(string=html).write_pdf())
