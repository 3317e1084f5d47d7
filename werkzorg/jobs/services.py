"""Starting, running and collecting background jobs. The rights are checked when a job starts and again
when it runs (the starter may have lost them meanwhile); results are audited when downloaded."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from werkzorg.access import Actor, get_or_404, require, resolve_actor
from werkzorg.audit.services import record
from werkzorg.core.errors import DomainError, NotFound
from werkzorg.jobs.models import Job, JobEvent, JobStatus
from werkzorg.jobs.registry import kind

PROGRESS_EVERY = 500  # rows between two progress writes


@transaction.atomic(durable=True)
def start_job(
    *, actor: Actor, kind_name: str, title: str, params: dict[str, Any] | None = None, upload: Any = None
) -> Job:
    require(actor, kind(kind_name).perm)
    job = Job.objects.create(
        organisation=actor.organisation,
        created_by=actor.user,
        kind=kind_name,
        title=title[:200],
        params=params or {},
        expires_at=timezone.now() + datetime.timedelta(hours=settings.JOB_RESULT_HOURS),
    )
    if upload is not None:
        job.upload.save(f"{job.pk}", upload, save=True)
    from werkzorg.jobs.tasks import run_job_task

    transaction.on_commit(lambda: run_job_task.delay(str(job.pk)))
    return job


def run_job(job_id: str) -> None:
    """Run by the worker. Claims the job once, so a redelivered task does not run it twice."""
    if not Job.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(status=JobStatus.RUNNING):
        return
    job = Job.objects.select_related("organisation", "created_by").get(pk=job_id)
    last = {"written": -PROGRESS_EVERY}

    def progress(done: int, total: int) -> None:
        if done - last["written"] >= PROGRESS_EVERY or done == total:
            Job.objects.filter(pk=job.pk).update(done=done, total=total)
            last["written"] = done

    try:
        actor = resolve_actor(job.created_by, job.organisation.slug)
        job_kind = kind(job.kind)
        require(actor, job_kind.perm)
        upload = job.upload.read() if job.upload else b""
        result = job_kind.run(actor, job.params, upload, progress)
    except (DomainError, PermissionDenied) as error:
        _finish(job, status=JobStatus.FAILED, message=str(getattr(error, "message", error)))
        return
    except Exception as error:  # the page must say it failed rather than spin for ever
        _finish(job, status=JobStatus.FAILED, message=type(error).__name__)
        raise
    if result.content:
        job.result.save(f"{job.pk}", ContentFile(result.content), save=False)
        job.result_name = result.filename
    _finish(job, status=JobStatus.DONE if result.ok else JobStatus.FAILED, report=result.report or {})


def _finish(job: Job, *, status: str, message: str = "", report: dict[str, Any] | None = None) -> None:
    job.status = status
    job.message = message[:500]
    job.report = report or {}
    job.finished_at = timezone.now()
    if job.upload:
        job.upload.delete(save=False)  # the uploaded file is not kept once read
    job.save()


def get_job(*, actor: Actor, job_id: Any) -> Job:
    return get_or_404(Job, actor, pk=job_id)


def download_result(*, actor: Actor, job_id: Any) -> Job:
    """The result of one's own finished job, before it expires; each download is audited."""
    job = get_job(actor=actor, job_id=job_id)
    if not job.result or job.expires_at < timezone.now():
        raise NotFound()
    record(JobEvent.RESULT_DOWNLOADED, actor=actor, obj=job, detail=job.kind)
    return job


def remove_expired_results(*, now: datetime.datetime | None = None) -> int:
    expired = Job.objects.filter(expires_at__lt=now or timezone.now()).exclude(result="")
    count = 0
    for job in expired.iterator():
        job.result.delete(save=False)
        Job.objects.filter(pk=job.pk).update(result="")
        count += 1
    return count
