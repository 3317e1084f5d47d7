"""What users keep or ask for: saved filters of the list, change requests to the desk."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
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
    """A change of company or contract data the employer asks the desk to make (elsewhere often by e-mail)."""

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


class ContractLinkQuerySet(TenantQuerySet):
    # The organisation that asked; the other side finds its requests through the collectivity's owner.
    tenancy = Tenancy()


class ContractLink(models.Model):
    """Another employer's contract shown in this organisation's insurance pages ("one login for all
    collectivities", as insurers' employer portals offer). Numbers alone are guessable, so a link counts
    only once a superuser of the contract's own organisation (or the desk) confirmed it: our deliberate
    deviation from common practice."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="contract_links"
    )
    collectivity = models.ForeignKey("organisations.Collectivity", on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = ContractLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("linked contract")
        verbose_name_plural = _("linked contracts")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "collectivity"],
                condition=Q(ended_at__isnull=True),
                name="one_live_link",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} -> {self.collectivity_id}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None and self.ended_at is None
