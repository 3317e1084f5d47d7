"""What an employer agreed to pay: per intervention, or a fixed fee per employee per year with some
services included (and extras quoted, accepted, billed afterwards); the operator's price list per year;
where the operator pays a provider."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkzorg.core.models import OrgOwnedModel, TimeStampedModel

VAT_RATES = [(Decimal("0.00"), "0%"), (Decimal("0.09"), "9%"), (Decimal("0.21"), "21%")]


class ContractKind(models.TextChoices):
    PER_INTERVENTION = "per_intervention", _("Pay per intervention")
    FIXED_FEE = "fixed_fee", _("Fixed fee per employee per year")


class BillingContract(OrgOwnedModel):
    """One per employer, kept by the desk. The included categories are the fixed-fee package (VOV)."""

    kind = models.CharField(_("kind of contract"), max_length=20, choices=ContractKind.choices)
    fee_per_employee = models.DecimalField(
        _("fixed fee per employee per year, excl. VAT (EUR)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    fee_vat_rate = models.DecimalField(
        _("VAT rate of the fixed fee"),
        max_digits=3,
        decimal_places=2,
        choices=VAT_RATES,
        default=Decimal("0.21"),
    )
    included_categories = models.JSONField(
        _("intervention categories included in the fixed fee"), default=list, blank=True
    )
    pay_from_budget = models.BooleanField(
        _("interventions are paid from the vitality budget"),
        default=False,
        help_text=_("Lines the employer pays count against the year's vitality budget."),
    )
    statement_per_collectivity = models.BooleanField(_("a statement per collectivity"), default=False)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        verbose_name = _("billing contract")
        verbose_name_plural = _("billing contracts")
        constraints = [models.UniqueConstraint(fields=["organisation"], name="one_billing_contract")]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_kind_display()})"

    @property
    def is_fixed_fee(self) -> bool:
        return self.kind == ContractKind.FIXED_FEE


class PriceListEntry(models.Model):
    """The price of one session (or unit) of an intervention in a calendar year, excl. VAT."""

    year = models.PositiveSmallIntegerField(_("year"))
    intervention = models.ForeignKey(
        "interventions.Intervention",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("intervention"),
    )
    session_price = models.DecimalField(
        _("price per session, excl. VAT (EUR)"),
        max_digits=9,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    vat_rate = models.DecimalField(_("VAT rate"), max_digits=3, decimal_places=2, choices=VAT_RATES)

    class Meta:
        verbose_name = _("price list entry")
        verbose_name_plural = _("price list")
        ordering = ["-year", "intervention__title"]
        constraints = [models.UniqueConstraint(fields=["year", "intervention"], name="one_price_per_year")]

    def __str__(self) -> str:
        return f"{self.year} {self.intervention}"


class QuoteStatus(models.TextChoices):
    QUOTED = "quoted", _("waiting for your answer")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")


class Quote(OrgOwnedModel):
    """Extra work outside the fixed-fee package: quoted by the desk, accepted by the employer, billed on
    the statement of the quarter in which it was delivered."""

    description = models.CharField(_("what"), max_length=300)
    amount = models.DecimalField(
        _("amount excl. VAT (EUR)"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    vat_rate = models.DecimalField(_("VAT rate"), max_digits=3, decimal_places=2, choices=VAT_RATES)
    quoted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=QuoteStatus.choices, default=QuoteStatus.QUOTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)
    statement = models.ForeignKey(
        "billing.CollectiveStatement", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("quote for extra work")
        verbose_name_plural = _("quotes for extra work")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.description


class ProviderAccount(TimeStampedModel):
    """Where the operator pays a care provider (SEPA credit transfer), kept by the desk."""

    provider = models.OneToOneField(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="billing_account",
        limit_choices_to={"kind": "provider"},
        verbose_name=_("care provider"),
    )
    account_holder = models.CharField(_("account holder"), max_length=70)
    iban = models.CharField(_("IBAN"), max_length=34)
    bic = models.CharField(_("BIC"), max_length=11)
    payment_term_days = models.PositiveSmallIntegerField(
        _("payment term (days)"), default=30, validators=[MaxValueValidator(120)]
    )

    class Meta:
        verbose_name = _("provider bank account")
        verbose_name_plural = _("provider bank accounts")

    def __str__(self) -> str:
        return f"{self.provider} {self.iban}"
