"""Tasks for tests/test_celery_worker.py only: they leave their traces in Redis, not in the database."""

from __future__ import annotations

import os

import redis
from celery import shared_task

PROBE_REDIS = os.environ.get("PROBE_REDIS_URL", "redis://127.0.0.1:6379/15")


def _redis() -> redis.Redis:
    return redis.Redis.from_url(PROBE_REDIS)


@shared_task(name="probe.ok")
def probe_ok(key: str) -> None:
    _redis().incr(key)


@shared_task(name="probe.flaky", bind=True, max_retries=3, default_retry_delay=0)
def probe_flaky(self, key: str) -> None:  # type: ignore[no-untyped-def]
    """Fails on its first run, succeeds when Celery retries it."""
    if _redis().incr(key) == 1:
        raise self.retry(exc=RuntimeError("first run fails"), countdown=0)
    _redis().set(f"{key}:done", 1)
