"""Counting a page's queries as data grows, deterministically.

The session's activity stamp is written at most every 30 s (werkzorg.accounts.middleware); a slow,
loaded machine could cross that line between two measurements and count one write more. The clock is
therefore frozen while we measure, so each measurement sees the same session writes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from unittest import mock

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


@contextmanager
def frozen_activity_clock() -> Iterator[None]:
    now = time.time()
    with mock.patch("werkzorg.accounts.middleware.time.time", return_value=now):
        yield


def queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


def assert_constant_queries(client: Client, urls: list[str], grow: Callable[[], None]) -> dict[str, int]:
    """Each page costs the same number of queries before and after `grow()` adds data."""
    with frozen_activity_clock():
        for url in urls:
            client.get(url)  # warm-up: first-request work (session stamp, caches) is not the page's
        before = {url: queries_for(client, url) for url in urls}
        grow()
        after = {url: queries_for(client, url) for url in urls}
    assert before == after
    return after
