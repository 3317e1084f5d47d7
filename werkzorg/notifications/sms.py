"""SMS backends, chosen by settings.SMS_BACKEND.

- ConsoleSMSBackend: prints the message (plain development without a database outbox).
- OutboxSMSBackend: stores it in the development outbox (`make run`, page /dev/outbox/).
- LocMemSMSBackend: keeps it in `outbox` for tests.
- HTTPSMSBackend: the adapter for a real provider. It POSTs JSON
  {"from": SMS_SENDER, "to": "+316...", "text": "..."} with "Authorization: Bearer SMS_HTTP_TOKEN"
  to SMS_HTTP_URL and treats any 2xx as sent. Most SMS gateways accept this shape directly or
  through a small relay; for another shape, subclass and override `payload()`.
"""

from __future__ import annotations

import json
import logging
import sys
import urllib.request
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SMSMessage:
    to: str
    text: str


class BaseSMSBackend:
    def send(self, message: SMSMessage) -> None:
        raise NotImplementedError


class ConsoleSMSBackend(BaseSMSBackend):
    def send(self, message: SMSMessage) -> None:
        sys.stdout.write(f"SMS to {message.to}: {message.text}\n")


class OutboxSMSBackend(BaseSMSBackend):
    def send(self, message: SMSMessage) -> None:
        from werkzorg.notifications.models import OutboxMessage

        OutboxMessage.objects.create(
            channel=OutboxMessage.Channel.SMS, recipient=message.to, body=message.text
        )


outbox: list[SMSMessage] = []


class LocMemSMSBackend(BaseSMSBackend):
    def send(self, message: SMSMessage) -> None:
        outbox.append(message)


class HTTPSMSBackend(BaseSMSBackend):
    timeout_seconds = 10

    def payload(self, message: SMSMessage) -> dict[str, Any]:
        return {"from": settings.SMS_SENDER, "to": message.to, "text": message.text}

    def send(self, message: SMSMessage) -> None:
        if not settings.SMS_HTTP_URL.startswith("https://"):
            raise RuntimeError("SMS_HTTP_URL must be an https:// address")
        request = urllib.request.Request(  # noqa: S310 - scheme checked above
            settings.SMS_HTTP_URL,
            data=json.dumps(self.payload(message)).encode(),
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {settings.SMS_HTTP_TOKEN}",
            },
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=self.timeout_seconds) as response:  # noqa: S310
            if not 200 <= response.status < 300:
                raise RuntimeError(f"SMS gateway answered {response.status}")


def get_backend() -> BaseSMSBackend:
    backend: BaseSMSBackend = import_string(settings.SMS_BACKEND)()
    return backend


def send_sms_now(to: str, text: str) -> None:
    get_backend().send(SMSMessage(to=to, text=text))
