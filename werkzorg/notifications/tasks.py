from celery import shared_task
from django.core.mail import EmailMultiAlternatives

from werkzorg.notifications.sms import send_sms_now


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_email_task(to: list[str], subject: str, body: str, html: str = "") -> None:
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def send_sms_task(to: str, text: str) -> None:
    send_sms_now(to, text)
