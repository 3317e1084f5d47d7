"""Celery app. With no broker configured (the embedded default), tasks run eagerly in-process."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
app = Celery("werkzorg")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.conf.beat_schedule = {
    "consent-reminders": {
        "task": "werkzorg.interventions.tasks.send_consent_reminders_task",
        "schedule": 60 * 60,
    },
    "consent-expiry": {"task": "werkzorg.interventions.tasks.expire_consents_task", "schedule": 15 * 60},
    "expired-job-results": {"task": "werkzorg.jobs.tasks.remove_expired_results_task", "schedule": 60 * 60},
    "webhook-retries": {"task": "werkzorg.integrations.tasks.retry_webhooks_task", "schedule": 60},
    "idempotency-keys": {
        "task": "werkzorg.integrations.tasks.forget_idempotency_keys_task",
        "schedule": 60 * 60,
    },
    # Issuing is idempotent: a statement of the month that exists already is left as it is.
    "premium-statements": {"task": "werkzorg.insurance.tasks.issue_statements_task", "schedule": 6 * 60 * 60},
    "premium-reminders": {
        "task": "werkzorg.insurance.tasks.send_payment_reminders_task",
        "schedule": 24 * 60 * 60,
    },
    # Once a day: each step is reminded of once, N working days before it is due.
    "absence-step-reminders": {
        "task": "werkzorg.absence.tasks.send_step_reminders_task",
        "schedule": 24 * 60 * 60,
    },
    # Idempotent as well: the last ended quarter's collective statements, once each.
    "billing-statements": {"task": "werkzorg.billing.tasks.issue_statements_task", "schedule": 6 * 60 * 60},
    "expired-inbox-messages": {
        "task": "werkzorg.inbox.tasks.delete_expired_messages_task",
        "schedule": 60 * 60,
    },
}
