"""REST API plumbing shared by every app: errors as RFC 9457 problem details, in the caller's language.

Domain errors become 400/404/409 with their message; DRF's own (401, 403, 405, 429 with Retry-After,
validation) get the same shape. `Accept-Language: en` gives English, Dutch otherwise.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from werkzorg.core.errors import ConflictError, DomainError, NotFound

PROBLEM_CONTENT_TYPE = "application/problem+json"
TITLES = {
    400: _("The request is not valid"),
    401: _("Authentication needed"),
    403: _("Not allowed"),
    404: _("Not found"),
    405: _("Method not allowed"),
    406: _("Cannot answer in the requested format"),
    409: _("Conflict with the current state"),
    412: _("The resource has changed"),
    415: _("Unsupported content type"),
    422: _("The request cannot be processed"),
    429: _("Too many requests"),
}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        code = (
            status.HTTP_404_NOT_FOUND
            if isinstance(exc, NotFound)
            else status.HTTP_409_CONFLICT
            if isinstance(exc, ConflictError)
            else status.HTTP_400_BAD_REQUEST
        )
        return problem(code, str(exc.message), field=exc.field)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    if isinstance(exc, ValidationError):
        result = problem(response.status_code, str(_("Some fields are not valid; see errors.")))
        result.data["errors"] = data
    else:
        detail = data.get("detail", "") if isinstance(data, dict) else ""
        result = problem(response.status_code, str(detail))
    for header, value in response.items():
        if header.lower() in {"retry-after", "www-authenticate", "allow"}:
            result[header] = value
    return result


def problem(code: int, detail: str, *, field: str | None = None) -> Response:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": str(TITLES.get(code, HTTPStatus(code).phrase)),
        "status": code,
        "detail": detail,
    }
    if field:
        body["field"] = field
    return Response(body, status=code, content_type=PROBLEM_CONTENT_TYPE)
