"""The quarterly collective statement (verzamelblad): one numbered, immutable statement per organisation
(or collectivity) and quarter, its lines copied at issue, and the PDF with the original invoices."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkzorg.billing.models.invoices import Payer
from werkzorg.core.models import TenantQuerySet
from werkzorg.core.tenancy import Tenancy


class StatementQuerySet(TenantQuerySet):
    tenancy = Tenancy(collectivity="collectivity")


class StatementLineQuerySet(TenantQuerySet):
    tenancy = Tenancy(organisation="statement__organisation", collectivity="statement__collectivity")


class CollectiveStatement(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="collective_statements"
    )
    collectivity = models.ForeignKey(
        "organisations.Collectivity", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    number = models.CharField(_("statement number"), max_length=40, unique=True)
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    contract_kind = models.CharField(max_length=20, blank=True)
    # For a fixed fee: how many employees on which date (stated on the statement).
    headcount = models.PositiveIntegerField(null=True, blank=True)
    headcount_date = models.DateField(null=True, blank=True)
    total = models.DecimalField(_("total to pay (EUR)"), max_digits=14, decimal_places=2, default=0)
    line_count = models.PositiveIntegerField(default=0)
    pdf = models.BinaryField(editable=False, null=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        verbose_name = _("collective statement")
        verbose_name_plural = _("collective statements")
        ordering = ["-year", "-quarter", "number"]
        indexes = [models.Index(fields=["organisation", "-year", "-quarter"])]

    def __str__(self) -> str:
        return self.number

    @property
    def period_label(self) -> str:
        return f"Q{self.quarter} {self.year}"


class StatementLineKind(models.TextChoices):
    INTERVENTION = "intervention", _("intervention")
    FIXED_FEE = "fixed_fee", _("fixed fee")
    EXTRA = "extra", _("extra work")
    CORRECTION = "correction", _("correction")


class StatementLine(models.Model):
    """A copy of what was billed, so the issued statement never changes when its sources do."""

    statement = models.ForeignKey(CollectiveStatement, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=StatementLineKind.choices)
    request_number = models.CharField(max_length=20, blank=True)
    intervention = models.CharField(max_length=200, blank=True)
    provider = models.CharField(max_length=200, blank=True)
    period = models.CharField(max_length=40, blank=True)
    description = models.CharField(max_length=300)
    gross = models.DecimalField(max_digits=12, decimal_places=2)
    offset = models.DecimalField(max_digits=12, decimal_places=2)
    net = models.DecimalField(max_digits=12, decimal_places=2)
    payer = models.CharField(max_length=20, choices=Payer.choices)
    to_pay = models.DecimalField(max_digits=12, decimal_places=2)
    invoice = models.ForeignKey(
        "billing.ProviderInvoice", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = StatementLineQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "position"], name="statement_line_position")
        ]

    def __str__(self) -> str:
        return f"{self.statement_id}/{self.position}"
