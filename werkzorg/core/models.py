"""Base models shared by every domain app."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

if TYPE_CHECKING:
    from werkzorg.organisations.models import Organisation


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class TenantQuerySet(models.QuerySet[Any]):
    """Every query for tenant data goes through for_org(); the access module relies on it."""

    tenant_field = "organisation"

    def for_org(self, organisation: Organisation) -> TenantQuerySet:
        return self.filter(**{self.tenant_field: organisation})


class OrgOwnedModel(TimeStampedModel):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT)

    objects = TenantQuerySet.as_manager()

    class Meta:
        abstract = True
