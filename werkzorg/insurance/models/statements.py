"""Issued premium statements, their lines, and the invoices of collectivities that pay centrally."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkzorg.core.models import TenantQuerySet
from werkzorg.core.tenancy import Tenancy
from werkzorg.insurance.models.people import InsuredPerson, Product, Relation


class StatementQuerySet(TenantQuerySet):
    tenancy = Tenancy(organisation="collectivity__organisation", collectivity="collectivity")


class Statement(models.Model):
    """The premium statement (borderel) of one collectivity for one month: numbered, immutable once issued."""

    collectivity = models.ForeignKey("organisations.Collectivity", on_delete=models.PROTECT, related_name="+")
    number = models.CharField(_("number"), max_length=30, unique=True)
    month = models.DateField(_("month"))  # the first day of the month
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    total_premium = models.DecimalField(_("premium"), max_digits=12, decimal_places=2)
    total_contribution = models.DecimalField(_("employer contribution"), max_digits=12, decimal_places=2)
    total_withheld = models.DecimalField(_("to withhold"), max_digits=12, decimal_places=2)
    line_count = models.PositiveIntegerField(default=0)

    objects = StatementQuerySet.as_manager()

    class Meta:
        verbose_name = _("premium statement")
        verbose_name_plural = _("premium statements")
        ordering = ["-month", "collectivity__name"]
        constraints = [
            models.UniqueConstraint(fields=["collectivity", "month"], name="one_statement_a_month")
        ]

    def __str__(self) -> str:
        return self.number


class LineKind(models.TextChoices):
    REGULAR = "regular", _("Premium of the month")
    CORRECTION = "correction", _("Correction of an earlier month")


class StatementLine(models.Model):
    """One product of one insured person for one month (the statement's own or, for a correction, an
    earlier one). Names and numbers are copied in, so the issued statement reads as it was issued."""

    # No single-column indexes on the keys: the composite indexes below lead with them, and every index
    # is paid for on each of a statement's 100,000 lines.
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="lines", db_index=False)
    insured = models.ForeignKey(InsuredPerson, on_delete=models.PROTECT, related_name="+", db_index=False)
    holder_policy_number = models.CharField(max_length=20)
    holder_employee_number = models.CharField(max_length=30, blank=True)
    holder_name = models.CharField(max_length=300)
    policy_number = models.CharField(max_length=20)
    name = models.CharField(max_length=300)
    relation = models.CharField(max_length=12, choices=Relation.choices)
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="+", db_index=False)
    period = models.DateField()  # the first day of the month the amounts are for
    kind = models.CharField(max_length=10, choices=LineKind.choices)
    days = models.PositiveSmallIntegerField()
    premium = models.DecimalField(max_digits=12, decimal_places=2)
    contribution = models.DecimalField(max_digits=12, decimal_places=2)
    withheld = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["holder_name", "holder_policy_number", "relation", "name", "period", "pk"]
        indexes = [
            models.Index(fields=["insured", "period"]),
            # a page of a statement's policyholder totals, grouped in name order without a sort
            models.Index(
                fields=["statement", "holder_name", "holder_policy_number", "holder_employee_number"],
                name="statement_line_holder",
            ),
            # a statement's few corrections without reading its 100,000 regular lines
            models.Index(
                fields=["statement"], condition=Q(kind="correction"), name="statement_line_correction"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.statement} {self.policy_number} {self.period}"


class PremiumInvoice(models.Model):
    """A collectivity that pays centrally gets an invoice a month instead of a statement to withhold;
    its specification is the month's statement (same lines, same arithmetic)."""

    statement = models.OneToOneField(Statement, on_delete=models.PROTECT, related_name="invoice")
    collectivity = models.ForeignKey("organisations.Collectivity", on_delete=models.PROTECT, related_name="+")
    number = models.CharField(_("invoice number"), max_length=30, unique=True)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    due_date = models.DateField(_("due date"))
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        verbose_name = _("premium invoice")
        verbose_name_plural = _("premium invoices")
        ordering = ["-due_date"]

    def __str__(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return self.paid_on is None
