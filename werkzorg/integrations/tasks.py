from celery import shared_task

from werkzorg.integrations import webhooks


@shared_task(acks_late=True)
def deliver_webhook_task(delivery_id: int) -> None:
    webhooks.deliver(delivery_id)


@shared_task
def retry_webhooks_task() -> int:
    """Every minute: the deliveries whose back-off has passed."""
    due = webhooks.due_deliveries()
    for delivery_id in due:
        webhooks.deliver(delivery_id)
    return len(due)


@shared_task
def forget_idempotency_keys_task() -> int:
    from werkzorg.integrations.services import forget_idempotency_keys

    return forget_idempotency_keys()
