"""REST API plumbing shared by every app: errors as RFC 9457 problem details in the caller's language,
cursor pages, ETags on detail reads, idempotency keys on creates.

Domain errors become 400/404/409 with their message; DRF's own (401, 403, 405, 429 with Retry-After,
validation) get the same shape. `Accept-Language: en` gives English, Dutch otherwise.
"""

from __future__ import annotations

import hashlib
import json
from http import HTTPStatus
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.http import parse_etags
from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from werkzorg.core.errors import ConflictError, DomainError, NotFound
from werkzorg.core.models import IdempotencyKey

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


class CursorPage(CursorPagination):
    """Large lists page by an opaque cursor on the id: stable while rows are added, no count, no offset."""

    page_size = 100
    max_page_size = 500
    page_size_query_param = "page_size"
    ordering = "pk"


def _etag(data: Any) -> str:
    digest = hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()
    return f'"{digest[:32]}"'


class ETagMixin:
    """A detail read carries an ETag of its content; `If-None-Match` with it gives 304 and no body."""

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response: Response = super().retrieve(request, *args, **kwargs)  # type: ignore[misc]
        tag = _etag(response.data)
        if tag in parse_etags(request.headers.get("If-None-Match", "")):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": tag})
        response["ETag"] = tag
        return response


class IdempotentCreateMixin:
    """POST with an `Idempotency-Key` header: a retry with the same key and request gets the first answer
    again and creates nothing; the same key with another request is refused (422).

    The key is claimed in its own transaction before the service runs (services commit their own), and
    given up again when the call fails, so a retry after a failure may try once more.
    """

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        key = request.headers.get("Idempotency-Key", "").strip()
        if not key:
            return super().create(request, *args, **kwargs)  # type: ignore[misc]
        if len(key) > 200:
            return problem(400, str(_("The Idempotency-Key is longer than 200 characters.")))
        fingerprint = hashlib.sha256(
            b"\n".join([request.method.encode(), request.path.encode(), request.body])  # type: ignore[union-attr]
        ).hexdigest()
        owner: int = request.user.pk  # type: ignore[assignment]  # the caller is authenticated here
        try:
            with transaction.atomic():
                claim = IdempotencyKey.objects.create(owner_id=owner, key=key, fingerprint=fingerprint)
        except IntegrityError:
            earlier = IdempotencyKey.objects.get(owner_id=owner, key=key)
            if earlier.fingerprint != fingerprint:
                return problem(422, str(_("This Idempotency-Key was used for another request.")))
            if not earlier.status:
                return problem(409, str(_("The first call with this Idempotency-Key is still running.")))
            replay = Response(earlier.body, status=earlier.status)
            replay["Idempotent-Replayed"] = "true"
            return replay
        try:
            response: Response = super().create(request, *args, **kwargs)  # type: ignore[misc]
        except Exception:
            claim.delete()
            raise
        if response.status_code >= 400:
            claim.delete()  # nothing was created: the caller may correct and retry with the same key
        else:
            claim.status, claim.body = (
                response.status_code,
                json.loads(json.dumps(response.data, default=str)),
            )
            claim.save(update_fields=["status", "body"])
        return response
