from __future__ import annotations

import pytest
from django.core.cache import cache

from werkzorg.notifications import sms

from .personas import World, build_world


@pytest.fixture(autouse=True)
def _clean_state() -> None:
    cache.clear()
    sms.outbox.clear()


@pytest.fixture
def english():  # type: ignore[no-untyped-def]
    """For tests that read message texts: they are written in English, the UI default is Dutch."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture
def full_world(db: None) -> World:
    """The personas plus intervention requests, appointments and extensions in both employers."""
    return build_world(full=True)
