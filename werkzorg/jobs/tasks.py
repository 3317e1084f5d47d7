from celery import shared_task

from werkzorg.jobs import services


@shared_task(acks_late=True)
def run_job_task(job_id: str) -> None:
    services.run_job(job_id)


@shared_task
def remove_expired_results_task() -> int:
    return services.remove_expired_results()
