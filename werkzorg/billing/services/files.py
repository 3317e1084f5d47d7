"""Uploaded invoices: a real PDF (it is appended to statements), not too large, with a plain file name."""

from __future__ import annotations

import io
import re

from django.utils.translation import gettext as _

from werkzorg.core.errors import DomainError

MAX_INVOICE_BYTES = 10 * 1024 * 1024
# Letters, digits, spaces, dots, dashes, underscores and brackets; no path separators or "..".
_PLAIN_NAME = re.compile(r"^[\w .()\-]{1,200}$")


def check_pdf(file_name: str, content: bytes) -> None:
    if not _PLAIN_NAME.match(file_name) or ".." in file_name:
        raise DomainError(
            _("Rename the file: use letters, digits, spaces, dots, dashes and brackets only."),
            field="file",
        )
    if len(content) > MAX_INVOICE_BYTES:
        raise DomainError(_("The file is larger than 10 MB."), field="file")
    if not content.startswith(b"%PDF-") or not _readable(content):
        raise DomainError(_("Upload the invoice as a PDF file."), field="file")


def _readable(content: bytes) -> bool:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        return len(PdfReader(io.BytesIO(content)).pages) > 0
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        return False
