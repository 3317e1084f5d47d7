"""Base models shared by every domain app."""

from __future__ import annotations

from typing import Any

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
