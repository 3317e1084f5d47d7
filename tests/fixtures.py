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
def world(db: None) -> World:
    return build_world()
