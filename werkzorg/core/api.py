"""REST API plumbing shared by every app: domain errors become 400/404/409 with the Dutch message."""

from __future__ import annotations

from typing import Any

from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from werkzorg.core.errors import ConflictError, DomainError, NotFound


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        code = (
            status.HTTP_404_NOT_FOUND
            if isinstance(exc, NotFound)
            else status.HTTP_409_CONFLICT
            if isinstance(exc, ConflictError)
            else status.HTTP_400_BAD_REQUEST
        )
        return Response({"detail": str(exc.message)}, status=code)
    return drf_exception_handler(exc, context)
