"""Files people download: attachments, never cached on the way (they hold amounts and names)."""

from __future__ import annotations

from django.http import HttpResponse


def attachment(name: str, content: bytes, content_type: str = "application/pdf") -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
