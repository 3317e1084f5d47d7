from celery import shared_task

from werkzorg.absence.services import files, reminders


@shared_task
def send_step_reminders_task() -> int:
    files.refresh_ended_employments()
    return reminders.send_step_reminders()
