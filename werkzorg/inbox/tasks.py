from celery import shared_task

from werkzorg.inbox import services


@shared_task
def delete_expired_messages_task() -> int:
    return services.delete_expired()
