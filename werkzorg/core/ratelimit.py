"""Counting attempts in fixed windows in the shared cache (Redis in production), for limits of our own.

allauth limits its own flows (sign-in, password reset...); these count what is ours: invitation codes
and SMS messages, per invitation, per phone number and per client address.
"""

from __future__ import annotations

import time

from django.core.cache import cache


def consume(key: str, *, limit: int, window: int) -> bool:
    """Count one attempt for `key`; False once more than `limit` were counted in this `window` (seconds)."""
    bucket = f"werkzorg:rl:{key}:{int(time.time()) // window}"
    cache.add(bucket, 0, timeout=window)
    try:
        count = cache.incr(bucket)
    except ValueError:  # the bucket expired between add and incr
        cache.set(bucket, 1, timeout=window)
        count = 1
    return count <= limit
