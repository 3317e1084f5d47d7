"""The inbox: unread per user, someone's export only theirs, expired messages gone, downloads audited."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.personas import World
from werkzorg.audit.models import AuditEvent
from werkzorg.inbox.models import Message, MessageKind, MessageRead
from werkzorg.inbox.services import delete_expired, deliver

pytestmark = pytest.mark.django_db


def test_unread_is_per_user_and_the_badge_counts_it(world: World, client) -> None:  # type: ignore[no-untyped-def]
    message = world.objects["message"]
    # Unread for the insurance persona: this desk message and the world's January statement.
    client.force_login(world.users["insurance"])
    assert client.get("/o/acme/postvak/ongelezen/").context["unread"] == 2
    page = client.get(f"/o/acme/postvak/{message.pk}/")  # type: ignore[attr-defined]
    assert page.status_code == 200 and "De voorwaarden voor 2027" in page.content.decode()
    assert client.get("/o/acme/postvak/ongelezen/").context["unread"] == 1
    client.force_login(world.users["superuser"])
    assert client.get("/o/acme/postvak/ongelezen/").context["unread"] == 2  # still unread for them


def test_an_export_is_its_recipients_alone_and_expires(world: World, client) -> None:  # type: ignore[no-untyped-def]
    mine = deliver(
        organisation=world.org,
        kind=MessageKind.EXPORT,
        title="Uitgebreide lijst",
        recipient=world.users["insurance"],
        attachment=b"PK-data",
        attachment_name="lijst.xlsx",
        keep_for=datetime.timedelta(days=14),
    )
    client.force_login(world.users["superuser"])
    assert client.get(f"/o/acme/postvak/{mine.pk}/").status_code == 404
    client.force_login(world.users["insurance"])
    download = client.get(f"/o/acme/postvak/{mine.pk}/download/")
    assert download.content == b"PK-data" and "no-store" in download["Cache-Control"]
    assert AuditEvent.objects.filter(
        event_type="inbox_attachment_downloaded", object_id=str(mine.pk)
    ).exists()
    Message.objects.filter(pk=mine.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    assert client.get(f"/o/acme/postvak/{mine.pk}/").status_code == 404
    assert delete_expired() == 1


def test_premium_messages_are_for_the_insurance_role(world: World, client) -> None:  # type: ignore[no-untyped-def]
    statement_message = deliver(organisation=world.org, kind=MessageKind.STATEMENT, title="Borderel")
    client.force_login(world.users["insurance"])
    assert client.get(f"/o/acme/postvak/{statement_message.pk}/").status_code == 200
    client.force_login(world.users["other_superuser"])
    assert client.get(f"/o/globex/postvak/{statement_message.pk}/").status_code == 404


def test_the_desk_writes_a_message_that_the_employer_reads(world: World, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users["desk"])
    sent = client.post(
        "/desk/inbox/message/add/",
        {
            "organisation": world.org.pk,
            "title": "Nieuwe premies 2027",
            "body": "De premies voor 2027 staan klaar.",
        },
    )
    assert sent.status_code == 302, sent.content.decode()[:2000]
    message = Message.objects.get(title="Nieuwe premies 2027")
    assert message.kind == MessageKind.DESK
    assert AuditEvent.objects.filter(event_type="desk_created", object_id=str(message.pk)).exists()
    client.force_login(world.users["insurance"])
    assert "Nieuwe premies 2027" in client.get("/o/acme/postvak/").content.decode()


def test_the_inbox_shows_one_kind_or_the_unread_and_marks_everything_read_for_this_user_only(
    world: World, client
) -> None:  # type: ignore[no-untyped-def]
    statement = deliver(organisation=world.org, kind=MessageKind.STATEMENT, title="Borderel januari")
    deliver(organisation=world.org, kind=MessageKind.DESK, title="Nieuwe openingstijden")
    deliver(organisation=world.org, kind=MessageKind.DESK, title="Bericht gelezen")
    client.force_login(world.users["insurance"])
    opened = client.get("/o/acme/postvak/").content.decode()
    assert "Borderel januari" in opened and "Nieuwe openingstijden" in opened
    read_one = Message.objects.get(title="Bericht gelezen")
    client.get(f"/o/acme/postvak/{read_one.pk}/")

    only_desk = client.get("/o/acme/postvak/?soort=desk").content.decode()
    assert "Nieuwe openingstijden" in only_desk and "Borderel januari" not in only_desk
    unread = client.get("/o/acme/postvak/?ongelezen=1").content.decode()
    assert "Borderel januari" in unread and "Bericht gelezen" not in unread

    response = client.post("/o/acme/postvak/alles-gelezen/")
    assert response.status_code == 302
    assert "Borderel januari" not in client.get("/o/acme/postvak/?ongelezen=1").content.decode()
    assert MessageRead.objects.filter(user=world.users["insurance"], message=statement).exists()
    # the superuser's own markers are untouched: still unread for them
    assert not MessageRead.objects.filter(user=world.users["superuser"], message=statement).exists()
    assert AuditEvent.objects.filter(event_type="inbox_all_marked_read").count() == 1
