from celery import shared_task
from django.utils import timezone

from werkzorg.insurance import services


@shared_task
def issue_statements_task() -> int:
    """Daily (beat): issues this month's statements that are not there yet; issuing again changes nothing."""
    return len(services.issue_due_statements(timezone.localdate()))


@shared_task
def send_payment_reminders_task() -> int:
    return services.send_payment_reminders(timezone.localdate())
