"""The client's address behind the documented TLS proxy (docs/operations.md, TRUSTED_PROXY_COUNT)."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest | None) -> str | None:
    """With N trusted proxies, the address the Nth proxy from the right saw; else the socket's peer.

    Entries further left in X-Forwarded-For are written by the client and cannot be trusted.
    """
    if request is None:
        return None
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [
        part.strip() for part in request.headers.get("X-Forwarded-For", "").split(",") if part.strip()
    ]
    candidate = (
        forwarded[-count] if count and len(forwarded) >= count else request.META.get("REMOTE_ADDR", "")
    )
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None
