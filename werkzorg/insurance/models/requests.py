"""What users keep or ask for: saved filters of the list, change requests to the desk."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkzorg.core.models import TenantQuerySet, TimeStampedModel
from werkzorg.core.tenancy import Tenancy


class SavedFilterQuerySet(TenantQuerySet):
    tenancy = Tenancy(owner="user")


class SavedFilter(models.Model):
    """A user's own named filter of the list of insured people (its query string, no names in it)."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=80)
    query = models.CharField(max_length=500)

    objects = SavedFilterQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user", "name"], name="unique_filter_name")
        ]

    def __str__(self) -> str:
        return self.name


class ChangeRequestStatus(models.TextChoices):
    OPEN = "open", _("Received")
    DONE = "done", _("Processed")
    DECLINED = "declined", _("Not processed")


class ChangeRequestQuerySet(TenantQuerySet):
    tenancy = Tenancy(organisation="collectivity__organisation", collectivity="collectivity")


class ChangeRequest(TimeStampedModel):
    """A change of company or contract data the employer asks the desk to make (the seed: by e-mail)."""

    collectivity = models.ForeignKey("organisations.Collectivity", on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("what should change"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=ChangeRequestStatus.choices, default=ChangeRequestStatus.OPEN
    )
    desk_answer = models.TextField(_("answer of the desk"), blank=True)

    objects = ChangeRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("change request")
        verbose_name_plural = _("change requests")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.collectivity} {self.created_at:%Y-%m-%d}"
