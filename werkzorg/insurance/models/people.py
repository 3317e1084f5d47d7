"""Collective health insurance: contracts of collectivities, insured people, mutations, premium statements.

A person's membership of a collectivity is an `InsuredPerson` row over a period; a move to another
collectivity ends that row and starts one in the other. What happened is the `Mutation` log: inserted,
never edited; the start, end and employee number on `InsuredPerson` are the current state those
mutations produced, written only by the service that inserts the mutation, in the same transaction.
Issued statements and their lines are never changed: a later correction goes on the next statement.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkzorg.core.models import TenantQuerySet, TimeStampedModel
from werkzorg.core.names import person_name
from werkzorg.core.tenancy import Tenancy


class InsuranceEvent(models.TextChoices):
    INSURED_READ = "insured_read", _("Insured person's data read")
    INSURED_SEARCHED = "insured_searched", _("Insured people searched")
    BSN_SHOWN = "bsn_shown", _("Citizen service number shown")
    MUTATION_ENTERED = "mutation_entered", _("Insurance mutation entered")
    INSURED_EXPORTED = "insured_exported", _("Insured people exported")
    STATEMENT_ISSUED = "statement_issued", _("Premium statement issued")
    STATEMENT_DOWNLOADED = "statement_downloaded", _("Premium statement downloaded")
    PAYROLL_FILE_MADE = "payroll_file_made", _("Payroll import file made")
    RECONCILIATION_READ = "reconciliation_read", _("Premium reconciliation read")
    INSURED_IMPORTED = "insured_imported", _("Insured people imported")
    CHANGE_REQUESTED = "insurance_change_requested", _("Change of contract data requested")
    LINK_REQUESTED = "contract_link_requested", _("Link of a contract requested")
    LINK_CONFIRMED = "contract_link_confirmed", _("Link of a contract confirmed")
    LINK_ENDED = "contract_link_ended", _("Link of a contract ended")


class PaymentMethod(models.TextChoices):
    SALARY = "salary", _("Withheld from salary")
    CENTRAL = "central", _("Paid centrally by the employer")


class CollectivityQuerySet(TenantQuerySet):
    tenancy = Tenancy(organisation="collectivity__organisation", collectivity="collectivity")


class ContractPartQuerySet(TenantQuerySet):
    tenancy = Tenancy(
        organisation="contract__collectivity__organisation", collectivity="contract__collectivity"
    )


class InsuranceContract(TimeStampedModel):
    """The insurance terms of one collectivity (its contract): how the premium is paid, from when."""

    collectivity = models.OneToOneField(
        "organisations.Collectivity", on_delete=models.PROTECT, related_name="insurance_contract"
    )
    payment_method = models.CharField(
        _("premium payment"), max_length=10, choices=PaymentMethod.choices, default=PaymentMethod.SALARY
    )
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True)
    # Our own design, not an insurer's rule: how far back a mutation may be dated, in whole months.
    retroactive_months = models.PositiveSmallIntegerField(_("mutations may go back (months)"), default=3)

    objects = CollectivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("insurance contract")
        verbose_name_plural = _("insurance contracts")

    def __str__(self) -> str:
        return str(self.collectivity)

    @property
    def withholds_from_salary(self) -> bool:
        return self.payment_method == PaymentMethod.SALARY


class ProductKind(models.TextChoices):
    BASIC = "basic", _("Basic insurance")
    SUPPLEMENTARY = "supplementary", _("Supplementary insurance")
    DENTAL = "dental", _("Dental insurance")


class Product(models.Model):
    """A product of the operator's insurer (the catalogue every contract prices)."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=15, choices=ProductKind.choices)

    class Meta:
        verbose_name = _("insurance product")
        verbose_name_plural = _("insurance products")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class ContractPrice(models.Model):
    """A product's monthly premium and the employer's contribution in one contract, from a date on
    (a new price list each calendar year); the price of a month is the latest valid on its first day."""

    contract = models.ForeignKey(InsuranceContract, on_delete=models.CASCADE, related_name="prices")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="+")
    valid_from = models.DateField(_("valid from"))
    monthly_premium = models.DecimalField(_("monthly premium"), max_digits=12, decimal_places=2)
    employer_contribution = models.DecimalField(
        _("employer contribution per month"), max_digits=12, decimal_places=2, default=Decimal(0)
    )

    objects = ContractPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("contract price")
        verbose_name_plural = _("contract prices")
        ordering = ["product__kind", "product__name", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "product", "valid_from"], name="one_price_per_date"),
            models.CheckConstraint(condition=Q(monthly_premium__gte=0), name="premium_not_negative"),
            models.CheckConstraint(
                condition=Q(employer_contribution__gte=0), name="contribution_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product} {self.valid_from}"


class ContractDocument(TimeStampedModel):
    """The contract's document library: the contract itself, conditions, a price list per year."""

    contract = models.ForeignKey(InsuranceContract, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    content = models.BinaryField()
    filename = models.CharField(max_length=200)

    objects = ContractPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("contract document")
        verbose_name_plural = _("contract documents")
        ordering = ["-year", "title"]

    def __str__(self) -> str:
        return self.title


class Relation(models.TextChoices):
    POLICYHOLDER = "policyholder", _("Policyholder")
    PARTNER = "partner", _("Partner")
    CHILD = "child", _("Child")


class InsuredQuerySet(TenantQuerySet):
    tenancy = Tenancy(collectivity="collectivity")

    def on(self, day: datetime.date) -> InsuredQuerySet:
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=day), start_date__lte=day)

    def search(self, text: str) -> InsuredQuerySet:
        """Every word somewhere in policy number, employee number or name (one lower-case column)."""
        qs = self
        for word in text.lower().split():
            qs = qs.filter(search_text__contains=word)
        return qs


class InsuredWords:
    """How an insured person is written: shared by the model and the list's plain rows."""

    first_name: str
    name_prefix: str
    last_name: str
    relation: str

    @property
    def display_name(self) -> str:
        return person_name(self.first_name, self.name_prefix, self.last_name)

    @property
    def relation_label(self) -> str:
        """For lists, where get_relation_display hashes every choice's label per row."""
        return str(Relation(self.relation).label)


class InsuredPerson(InsuredWords, TimeStampedModel):
    """A person's membership of one collectivity over a period (a family member has no employee number)."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    collectivity = models.ForeignKey("organisations.Collectivity", on_delete=models.PROTECT, related_name="+")
    policy_number = models.CharField(_("policy number"), max_length=20)
    relation = models.CharField(_("relation"), max_length=12, choices=Relation.choices)
    policyholder = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="family", limit_choices_to={}
    )
    first_name = models.CharField(_("first name"), max_length=100)
    name_prefix = models.CharField(_("prefix"), max_length=20, blank=True)
    last_name = models.CharField(_("last name"), max_length=150)
    date_of_birth = models.DateField(_("date of birth"))
    # The citizen service number (BSN) only encrypted (Fernet, FIELD_ENCRYPTION_KEYS): shown on request.
    bsn_encrypted = models.TextField(editable=False)
    employee_number = models.CharField(_("employee number"), max_length=30, blank=True)
    employee = models.ForeignKey(
        "employees.Employee", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    start_date = models.DateField(_("in collectivity from"))
    end_date = models.DateField(_("in collectivity until (inclusive)"), null=True, blank=True)
    # New members registered by the desk or an import wait for the employer to confirm the number.
    confirmed_at = models.DateTimeField(null=True, blank=True)
    search_text = models.TextField(default="", editable=False)

    objects = InsuredQuerySet.as_manager()

    class Meta:
        verbose_name = _("insured person")
        verbose_name_plural = _("insured people")
        ordering = ["last_name", "first_name", "pk"]
        indexes = [
            # the list in name order, a page at a time, for one collectivity or all of an employer's
            models.Index(
                fields=["collectivity", "last_name", "first_name", "id"], name="insured_collectivity_name"
            ),
            models.Index(
                fields=["organisation", "last_name", "first_name", "id"], name="insured_organisation_name"
            ),
            # "to check": the few new members awaiting the employer, counted on every list page
            models.Index(
                fields=["organisation"],
                condition=Q(confirmed_at__isnull=True, end_date__isnull=True, relation="policyholder"),
                name="insured_to_check",
            ),
            models.Index(fields=["collectivity", "policy_number"]),
            models.Index(fields=["collectivity", "end_date"]),
            models.Index(fields=["collectivity", "start_date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="insured_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=Q(relation="policyholder", policyholder__isnull=True)
                | (~Q(relation="policyholder") & Q(policyholder__isnull=False)),
                name="family_member_has_policyholder",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = self.compose_search_text()
        super().save(*args, **kwargs)

    def compose_search_text(self) -> str:
        parts = (self.policy_number, self.employee_number, self.first_name, self.name_prefix, self.last_name)
        return " ".join(p for p in parts if p).lower()

    @property
    def is_policyholder(self) -> bool:
        return self.relation == Relation.POLICYHOLDER

    def active_on(self, day: datetime.date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)


class Coverage(models.Model):
    """A product an insured person holds within the collectivity, over a period."""

    insured = models.ForeignKey(InsuredPerson, on_delete=models.CASCADE, related_name="coverages")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="+")
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until (inclusive)"), null=True, blank=True)

    class Meta:
        verbose_name = _("coverage")
        verbose_name_plural = _("coverages")
        ordering = ["product__kind", "product__name"]

    def __str__(self) -> str:
        return f"{self.product} {self.start_date}"


class MutationKind(models.TextChoices):
    ENROLLED = "enrolled", _("Registered")
    DEREGISTERED = "deregistered", _("Deregistered")
    EMPLOYEE_NUMBER = "employee_number", _("Employee number changed")
    MOVED_OUT = "moved_out", _("Moved to another collectivity")
    MOVED_IN = "moved_in", _("Moved in from another collectivity")
    CONFIRMED = "confirmed", _("Confirmed by the employer")


# Mutations that change what a month's premium is (the reconciliation lists these).
PREMIUM_KINDS = frozenset(
    {MutationKind.ENROLLED, MutationKind.DEREGISTERED, MutationKind.MOVED_OUT, MutationKind.MOVED_IN}
)


class Mutation(models.Model):
    """One change to an insured person, effective from a date; inserted, never edited or deleted."""

    collectivity = models.ForeignKey("organisations.Collectivity", on_delete=models.PROTECT, related_name="+")
    insured = models.ForeignKey(InsuredPerson, on_delete=models.PROTECT, related_name="mutations")
    kind = models.CharField(_("mutation"), max_length=20, choices=MutationKind.choices)
    effective_date = models.DateField(_("effective from"))
    entered_at = models.DateTimeField(_("entered at"), default=timezone.now)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    # Old and new values of what changed (never the BSN).
    detail = models.JSONField(default=dict)
    premium_effect = models.BooleanField(default=False)

    objects = CollectivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("mutation")
        verbose_name_plural = _("mutations")
        ordering = ["-entered_at", "-pk"]
        indexes = [
            models.Index(fields=["collectivity", "entered_at"]),
            models.Index(fields=["collectivity", "effective_date"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.effective_date}"
