"""Sending e-mail and SMS: rendered in the recipient's language, sent only after the transaction commits."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import translation

from werkzorg.core.ratelimit import consume
from werkzorg.notifications.tasks import send_email_task, send_sms_task
from werkzorg.organisations.models import OperatorSettings


def _render_text(name: str, context: dict[str, Any]) -> str:
    """Plain text is not HTML: "Bakker & Zn" stays "Bakker & Zn", not "Bakker &amp; Zn"."""
    return get_template(name).template.render(Context(context, autoescape=False))  # type: ignore[attr-defined]


def render_email(template: str, context: dict[str, Any], language: str = "nl") -> tuple[str, str, str]:
    """Render notifications/email/<template>_subject.txt, .txt and .html in `language`."""
    full_context = {"operator": OperatorSettings.current(), **context}
    with translation.override(language):
        subject = _render_text(f"notifications/email/{template}_subject.txt", full_context).strip()
        body = _render_text(f"notifications/email/{template}.txt", full_context)
        try:
            html = render_to_string(f"notifications/email/{template}.html", full_context)
        except TemplateDoesNotExist:
            html = render_to_string(
                "notifications/email/plain.html", {**full_context, "subject": subject, "body": body}
            )
    return " ".join(subject.split()), body, html


def send_email(to: str, template: str, context: dict[str, Any], language: str = "nl") -> None:
    subject, body, html = render_email(template, context, language)
    transaction.on_commit(lambda: send_email_task.delay([to], subject, body, html))


def sms_budget_allows(to: str) -> bool:
    """SMS cost money and carry codes: a cap per number per hour and per day, and for the whole portal per hour."""
    return (
        consume(f"sms:number:{to}:h", limit=settings.SMS_PER_NUMBER_PER_HOUR, window=3600)
        and consume(f"sms:number:{to}:d", limit=settings.SMS_PER_NUMBER_PER_DAY, window=86400)
        and consume("sms:all:h", limit=settings.SMS_PER_HOUR, window=3600)
    )


def send_sms(to: str, text: str) -> None:
    """Send after commit; the caller checked `sms_budget_allows(to)` and told the user when it did not."""
    transaction.on_commit(lambda: send_sms_task.delay(to, text))
