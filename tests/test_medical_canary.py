"""A word written in a medical note reaches the physician and nobody else: every page of the portal (the
desk's admin included), every download, every API response and every e-mail, crawled as each persona.

The world's medical record in Acme holds CANARY (werkzorg/absence/tests/world.py). The physician's own
crawl must find it (so the crawl can see it at all); nobody else's may.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core import mail
from django.db import DEFAULT_DB_ALIAS, transaction
from django.test import Client

from werkzorg.absence.tests.world import CANARY

from .personas import ALL_PERSONAS, World
from .test_rights_matrix import QUERIES, all_routes, fill, is_own

pytestmark = pytest.mark.django_db


# Bodies to search: zipped files (xlsx) are searched inside.
def _text(content: bytes) -> str:
    if content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return " ".join(archive.read(name).decode(errors="replace") for name in archive.namelist())
    return content.decode(errors="replace")


def crawl(world: World, persona: str) -> dict[str, str]:
    """GET every URL (the admin's too) as the persona; the text of each answer, writes rolled back."""
    client = Client()
    user = world.users[persona]
    if user is not None:
        client.force_login(user)
    intervention = world.objects["intervention"].pk  # type: ignore[attr-defined]
    seen: dict[str, str] = {}
    for route, name, _callback in all_routes():
        if not (is_own(name, route) or route.startswith("desk/")):
            continue
        path = fill(route, world) + QUERIES.get(name, "").format(intervention=intervention)
        atomic = transaction.Atomic(DEFAULT_DB_ALIAS, savepoint=True, durable=False)
        atomic._from_testcase = True
        with atomic:
            response = client.get(path, follow=False)
            body = b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]
            transaction.set_rollback(True)
        seen[path] = _text(body)
    return seen


@pytest.mark.parametrize("persona", [p for p in ALL_PERSONAS if p != "physician"])
def test_nobody_but_the_physician_meets_the_canary(full_world: World, persona: str) -> None:
    leaks = [path for path, text in crawl(full_world, persona).items() if CANARY in text]
    assert not leaks, f"{persona} saw the medical note at: {leaks}"


def test_the_physician_meets_it_on_the_medical_pages_only(full_world: World) -> None:
    found = sorted(path for path, text in crawl(full_world, "physician").items() if CANARY in text)
    file = full_world.objects["absence_file"].pk  # type: ignore[attr-defined]
    assert found == [f"/o/acme/verzuim/{file}/medisch/", f"/o/acme/verzuim/{file}/medisch/export/"]


def test_no_e_mail_carries_it(full_world: World, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    from werkzorg.absence.services import medical, steps
    from werkzorg.absence.services.reminders import send_step_reminders
    from werkzorg.access import resolve_actor

    file = full_world.objects["absence_file"]
    physician = resolve_actor(full_world.users["physician"], "acme")
    employer = resolve_actor(full_world.users["absence"], "acme")
    with django_capture_on_commit_callbacks(execute=True):
        steps.send_employee_link(actor=employer, file=file)  # type: ignore[arg-type]
        medical.give_advice(actor=physician, file=file, can_do="Zitten", cannot_do="Tillen",  # type: ignore[arg-type]
                            expected_return="Snel", plan_advice="")  # fmt: skip
        send_step_reminders()
    assert mail.outbox
    assert not [m.subject for m in mail.outbox if CANARY in m.body or CANARY in m.subject]
