from collections.abc import Sequence

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage, EmailMultiAlternatives

from werkzorg.notifications.models import OutboxMessage


class OutboxEmailBackend(BaseEmailBackend):
    """Development: every e-mail goes to the outbox page instead of an SMTP server."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            html = ""
            if isinstance(message, EmailMultiAlternatives):
                html = next((str(c) for c, mime in message.alternatives if mime == "text/html"), "")
            for recipient in message.recipients():
                OutboxMessage.objects.create(
                    channel=OutboxMessage.Channel.EMAIL,
                    recipient=recipient,
                    subject=str(message.subject),
                    body=str(message.body),
                    html_body=html,
                )
        return len(email_messages)
