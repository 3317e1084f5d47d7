"""Sending e-mail and SMS: rendered in the recipient's language, sent only after the transaction commits."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from werkzorg.notifications.tasks import send_email_task, send_sms_task
from werkzorg.organisations.models import OperatorSettings


def render_email(template: str, context: dict[str, Any], language: str = "nl") -> tuple[str, str, str]:
    """Render notifications/email/<template>_subject.txt, .txt and .html in `language`."""
    full_context = {"operator": OperatorSettings.current(), **context}
    with translation.override(language):
        subject = render_to_string(f"notifications/email/{template}_subject.txt", full_context).strip()
        body = render_to_string(f"notifications/email/{template}.txt", full_context)
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


def send_sms(to: str, text: str) -> None:
    transaction.on_commit(lambda: send_sms_task.delay(to, text))
