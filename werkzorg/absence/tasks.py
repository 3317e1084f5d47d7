from celery import shared_task

from werkzorg.absence.services import reminders


@shared_task
def send_step_reminders_task() -> int:
    return reminders.send_step_reminders()
