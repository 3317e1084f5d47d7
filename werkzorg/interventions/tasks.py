from celery import shared_task

from werkzorg.interventions import services


@shared_task
def send_consent_reminders_task() -> int:
    return services.send_consent_reminders()


@shared_task
def expire_consents_task() -> int:
    return services.expire_overdue_consents()
