"""Base models shared by every domain app."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from werkzorg.core.tenancy import Tenancy


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class TenantQuerySet(models.QuerySet[Any]):
    """Tenant data: read it through `werkzorg.access.scope()`, which applies `tenancy`."""

    tenancy = Tenancy()


class OrgOwnedModel(TimeStampedModel):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT)

    objects = TenantQuerySet.as_manager()

    class Meta:
        abstract = True


class IdempotencyKey(models.Model):
    """A create call's Idempotency-Key and the answer it got, so a retried call creates nothing twice.

    The owner is the caller (a person, or an API client's service account); the fingerprint is the
    method, path and body, so the same key with another request is refused rather than replayed.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)
    fingerprint = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField(default=0)  # 0 while the first call is still running
    body = models.JSONField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "key"], name="unique_idempotency_key")]
        indexes = [models.Index(fields=["created_at"])]

    def __str__(self) -> str:
        return self.key
