"""What a new user tripped over, checked as they would see it."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from tests.personas import World

from .conftest import check_axe, signed_in_as


def test_the_hidden_name_stays_inside_the_revoke_button(
    world: World, new_page: Any, live_server: Any
) -> None:
    page = new_page()
    signed_in_as(page, world.users["superuser"], live_server)
    page.goto("/o/acme/bedrijfsartsen/")
    check_axe(page)
    button = page.locator("form[action*='intrekken'] button").first
    hidden = button.locator(".werkzorg-visually-hidden")
    box, inner = button.bounding_box(), hidden.bounding_box()
    assert inner["width"] <= 1 and inner["height"] <= 1  # clipped in place
    assert box["x"] - 1 <= inner["x"] <= box["x"] + box["width"] + 1
    assert box["y"] - 1 <= inner["y"] <= box["y"] + box["height"] + 1


def test_no_field_is_red_before_anyone_typed(full_world: World, new_page: Any, live_server: Any) -> None:
    page = new_page()
    signed_in_as(page, full_world.users["provider"], live_server)
    request = full_world.objects["request"]
    page.goto(f"/o/care/werklijst/{request.pk}/")  # type: ignore[attr-defined]
    check_axe(page)
    assert page.locator("#id_reason").count() == 1
    assert (
        page.eval_on_selector_all("textarea, input", "els => els.filter(e => e.matches(':invalid')).length")
        == 0
    )


def test_the_dashboard_speaks_of_months_in_dutch_and_says_its_heading_once(
    full_world: World, new_page: Any, live_server: Any
) -> None:
    from werkzorg.interventions.models import InterventionRequest

    InterventionRequest.objects.filter(pk=full_world.objects["request"].pk).update(  # type: ignore[attr-defined]
        created_at=timezone.make_aware(datetime.datetime(2026, 3, 15, 12))
    )
    page = new_page()
    signed_in_as(page, full_world.users["superuser"], live_server)
    page.goto("/o/acme/dashboard/")
    check_axe(page)
    headers = page.locator("table th[scope=col]").all_inner_texts()
    assert {"mrt 2026", "mrt. 2026", "maart 2026"} & set(headers), headers  # not "2026-03"
    shown = page.eval_on_selector_all(
        "h2, caption",
        "els => els.filter(e => e.textContent.trim() === 'Aanvragen per maand en categorie'"
        " && e.getBoundingClientRect().width > 1).length",
    )
    assert shown == 1  # the heading; the table's caption is there for screen readers only
