"""Webhooks: subscribed through the API, signed, retried with back-off when the receiver fails, logged."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json

import pytest
from django.test import Client, TestCase, override_settings
from django.utils import timezone

from tests.personas import World
from werkzorg.integrations import webhooks
from werkzorg.integrations.models import DeliveryStatus, WebhookDelivery
from werkzorg.integrations.tests.factories import make_client
from werkzorg.integrations.tests.receiver import receiver
from werkzorg.integrations.tests.test_clients import bearer

EVENT = "intervention.status_changed"


def subscribe(api: Client, headers: dict[str, str], url: str) -> dict[str, object]:
    answer = api.post(
        "/api/v1/o/acme/webhooks/",
        json.dumps({"url": url, "events": [EVENT]}),
        content_type="application/json",
        **headers,
    )
    assert answer.status_code == 201, answer.content
    return dict(answer.json())


@override_settings(WEBHOOK_ALLOWED_HOSTS=["127.0.0.1"])
def test_an_event_reaches_the_subscriber_signed(world: World) -> None:
    headers = bearer(make_client(world.org, world.users["superuser"]))
    api = Client()
    with receiver(200) as hook:
        subscription = subscribe(api, headers, hook.url)
        secret = str(subscription["secret"])
        with TestCase.captureOnCommitCallbacks(execute=True):
            webhooks.publish(
                organisation=world.org, event=EVENT, data={"request": "IV-1", "status": "forwarded"}
            )
        ((sent_headers, body),) = hook.calls
    stamp, mac = (part.split("=", 1)[1] for part in sent_headers["Werkzorg-Signature"].split(","))
    assert mac == hmac.new(secret.encode(), f"{stamp}.".encode() + body, hashlib.sha256).hexdigest()
    assert abs(int(stamp) - timezone.now().timestamp()) < 60
    payload = json.loads(body)
    assert payload["event"] == EVENT and payload["organisation"] == "acme"
    assert payload["data"] == {"request": "IV-1", "status": "forwarded"}
    assert WebhookDelivery.objects.get(subscription_id=subscription["id"]).status == DeliveryStatus.DELIVERED


@override_settings(WEBHOOK_ALLOWED_HOSTS=["127.0.0.1"])
def test_a_failing_receiver_is_tried_again_later_and_the_log_shows_it(world: World) -> None:
    headers = bearer(make_client(world.org, world.users["superuser"]))
    api = Client()
    with receiver(500, 503, 200) as hook:
        subscription = subscribe(api, headers, hook.url)
        with TestCase.captureOnCommitCallbacks(execute=True):
            webhooks.publish(
                organisation=world.org, event=EVENT, data={"request": "IV-2", "status": "planned"}
            )
        delivery = WebhookDelivery.objects.get(subscription_id=subscription["id"])
        assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("retrying", 1, 500)
        # Back-off: 1 minute after the first failure, 2 after the second.
        assert delivery.next_attempt_at is not None
        assert delivery.pk not in webhooks.due_deliveries(timezone.now())
        assert delivery.pk in webhooks.due_deliveries(
            timezone.now() + datetime.timedelta(minutes=1, seconds=5)
        )
        second = webhooks.deliver(delivery.pk)
        assert (second.attempts, second.last_status_code) == (2, 503)
        assert second.next_attempt_at - timezone.now() > datetime.timedelta(minutes=1, seconds=50)  # type: ignore[operator]
        third = webhooks.deliver(delivery.pk)
        assert (third.status, third.attempts) == ("delivered", 3)
        assert len(hook.calls) == 3
    log = api.get(f"/api/v1/o/acme/webhooks/{subscription['id']}/leveringen/", **headers).json()["results"]
    assert [(row["status"], row["attempts"], row["last_status_code"]) for row in log] == [
        ("delivered", 3, 200)
    ]


@override_settings(WEBHOOK_ALLOWED_HOSTS=["127.0.0.1"])
def test_a_receiver_that_never_answers_well_is_given_up(world: World) -> None:
    headers = bearer(make_client(world.org, world.users["superuser"]))
    with receiver(500) as hook:
        subscription = subscribe(Client(), headers, hook.url)
        with TestCase.captureOnCommitCallbacks(execute=True):
            webhooks.publish(
                organisation=world.org, event=EVENT, data={"request": "IV-3", "status": "completed"}
            )
        delivery = WebhookDelivery.objects.get(subscription_id=subscription["id"])
        for _ in range(webhooks.MAX_ATTEMPTS):
            delivery = webhooks.deliver(delivery.pk)
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == (
        "failed",
        webhooks.MAX_ATTEMPTS,
        None,
    )
    assert len(hook.calls) == webhooks.MAX_ATTEMPTS


@pytest.mark.parametrize(
    "url",
    ["http://hooks.example.nl/x", "https://127.0.0.1/x", "https://10.1.2.3/x", "https://localhost/x"],
)
def test_addresses_inside_the_network_or_without_tls_are_refused(world: World, url: str) -> None:
    headers = bearer(make_client(world.org, world.users["superuser"]))
    answer = Client().post(
        "/api/v1/o/acme/webhooks/",
        json.dumps({"url": url, "events": [EVENT]}),
        content_type="application/json",
        **headers,
    )
    assert answer.status_code == 400 and "url" in answer.json()["errors"]


def test_an_unknown_event_is_refused_and_the_events_are_listed(world: World) -> None:
    headers = bearer(make_client(world.org, world.users["superuser"]))
    api = Client()
    answer = api.post(
        "/api/v1/o/acme/webhooks/",
        json.dumps({"url": "https://hooks.example.invalid/x", "events": ["employee.medical"]}),
        content_type="application/json",
        **headers,
    )
    assert answer.status_code == 400 and "events" in answer.json()["errors"]
    assert EVENT in [row["event"] for row in api.get("/api/v1/webhook-events/", **headers).json()]


def test_a_revoked_client_gets_no_deliveries(world: World) -> None:
    from werkzorg.integrations.models import WebhookSubscription

    client = make_client(world.org, world.users["superuser"])
    WebhookSubscription.objects.create(
        client=client,
        organisation=world.org,
        url="https://hooks.example.invalid/x",
        events=[EVENT],
        secret_encrypted="x",
    )
    client.revoked_at = timezone.now()
    client.save()
    webhooks.publish(organisation=world.org, event=EVENT, data={})
    assert not WebhookDelivery.objects.filter(subscription__client=client).exists()
