"""Webhooks: an organisation's events told to its clients' addresses, signed, retried with back-off, logged.

A domain app declares its events (`register_event`) and publishes them (`publish`) with ids, numbers and
statuses only: never a name, a BSN or medical content. Each delivery is a POST of JSON with the header
`Werkzorg-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the subscription's secret>`,
so the receiver can check origin and freshness. A 2xx answer delivers it; anything else is tried again
after 1, 2, 4 ... minutes, up to MAX_ATTEMPTS, then given up and shown as failed in the log.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import ipaddress
import json
import socket
import time
import uuid
from typing import Any
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.core.crypto import decrypt
from werkzorg.integrations.models import DeliveryStatus, WebhookDelivery

MAX_ATTEMPTS = 8
TIMEOUT_SECONDS = 10
EVENTS: dict[str, str] = {}  # name -> what it means


def register_event(name: str, meaning: str) -> None:
    EVENTS[name] = meaning


def publish(*, organisation: Any, event: str, data: dict[str, Any]) -> None:
    """Queue the event for every live subscription to it in the organisation; sent after commit."""
    if event not in EVENTS:
        raise ValueError(f"unregistered webhook event {event!r}")
    # Its own clients, and the operator-wide ones that still serve it, while usable.
    usable = {"revoked_at__isnull": True, "expires_on__gte": timezone.localdate()}
    clients = Q(client__in=organisation.api_clients.filter(**usable)) | Q(
        client__in=organisation.operator_api_clients.filter(**usable)
    )
    subscriptions = organisation.webhook_subscriptions.filter(clients, deleted_at__isnull=True)
    payload = {
        "id": str(uuid.uuid4()),
        "event": event,
        "organisation": organisation.slug,
        "occurred_at": timezone.now().isoformat(),
        "data": data,
    }
    created = [
        WebhookDelivery.objects.create(subscription=s, event=event, payload=payload)
        for s in subscriptions
        if event in s.events
    ]
    if created:
        from werkzorg.integrations.tasks import deliver_webhook_task

        ids = [d.pk for d in created]
        transaction.on_commit(lambda: [deliver_webhook_task.delay(pk) for pk in ids])


def signature(secret: str, body: bytes, at: int) -> str:
    mac = hmac.new(secret.encode(), f"{at}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={at},v1={mac}"


def deliver(delivery_id: int) -> WebhookDelivery:
    """One attempt; the outcome goes into the log. Safe to call twice: a delivered one is left alone."""
    delivery = WebhookDelivery.objects.select_related("subscription").get(pk=delivery_id)
    if delivery.status in {DeliveryStatus.DELIVERED, DeliveryStatus.FAILED}:
        return delivery
    subscription = delivery.subscription
    body = json.dumps(delivery.payload, separators=(",", ":")).encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Werkzorg-Webhooks/1",
        "Werkzorg-Event": delivery.event,
        "Werkzorg-Delivery": str(delivery.payload["id"]),
        "Werkzorg-Signature": signature(decrypt(subscription.secret_encrypted), body, int(time.time())),
    }
    delivery.attempts += 1
    try:
        refused = address_refused(subscription.url)
        if refused:
            raise ValueError(refused)
        answer = requests.post(
            subscription.url, data=body, headers=headers, timeout=TIMEOUT_SECONDS, allow_redirects=False
        )
        delivery.last_status_code, delivery.last_error = answer.status_code, ""
        ok = 200 <= answer.status_code < 300
    except (requests.RequestException, ValueError) as error:
        delivery.last_status_code, delivery.last_error, ok = None, str(error)[:300], False
    now = timezone.now()
    if ok:
        delivery.status, delivery.delivered_at, delivery.next_attempt_at = DeliveryStatus.DELIVERED, now, None
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.status, delivery.next_attempt_at = DeliveryStatus.FAILED, None
    else:
        delivery.status = DeliveryStatus.RETRYING
        delivery.next_attempt_at = now + datetime.timedelta(minutes=2 ** (delivery.attempts - 1))
    delivery.save()
    return delivery


def due_deliveries(now: datetime.datetime | None = None) -> list[int]:
    moment = now or timezone.now()
    due = WebhookDelivery.objects.filter(status=DeliveryStatus.RETRYING, next_attempt_at__lte=moment)
    return list(due.values_list("pk", flat=True)[:500])


def address_refused(url: str) -> str:
    """Only https, and never an address inside the operator's network (SSRF), unless the operator
    allows the host (WEBHOOK_ALLOWED_HOSTS, e.g. for a receiver in its own network or a test)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if host in settings.WEBHOOK_ALLOWED_HOSTS:
        return ""
    if parts.scheme != "https":
        return _("only https addresses are called")
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, parts.port or 443)}
    except OSError:
        return _("the host name does not resolve")
    for address in addresses:
        ip = ipaddress.ip_address(address)
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast:
            return _("the address is inside a private network")
    return ""
