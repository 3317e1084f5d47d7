"""A background job of one user in one organisation: what it does, how far it is, and its result."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkzorg.core.models import TenantQuerySet, TimeStampedModel
from werkzorg.core.tenancy import Tenancy


class JobEvent(models.TextChoices):
    RESULT_DOWNLOADED = "job_result_downloaded", _("Export downloaded")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Busy")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class JobQuerySet(TenantQuerySet):
    # A job and its result are its starter's only: an export may hold personal data.
    tenancy = Tenancy(owner="created_by")


class Job(TimeStampedModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=60)
    title = models.CharField(_("what"), max_length=200)
    params = models.JSONField(default=dict)
    upload = models.FileField(upload_to="jobs/in/", blank=True)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    result = models.FileField(upload_to="jobs/out/", blank=True)
    result_name = models.CharField(max_length=200, blank=True)
    report = models.JSONField(default=dict)
    message = models.CharField(max_length=500, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField()

    objects = JobQuerySet.as_manager()

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["created_by", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.pk}"

    @property
    def percent(self) -> int:
        if self.status == JobStatus.DONE:
            return 100
        return int(self.done * 100 / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)
