"""A care provider's invoice for one intervention request (or a period of it), its lines, the employee's
consent to claim part from their own health insurance (ontdubbelen), later differences (adjustments) and
the desk's payment batches."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from werkzorg.core.models import TenantQuerySet, TimeStampedModel
from werkzorg.core.tenancy import Tenancy


class Payer(models.TextChoices):
    EMPLOYER = "employer", _("employer")
    VITALITY_BUDGET = "vitality_budget", _("vitality budget")
    ABSENCE_INSURER = "absence_insurer", _("absence insurer")
    FIXED_FEE = "fixed_fee", _("included in the fixed fee")


# What the employer pays on its statement; the rest is paid by another party or by the fixed fee.
EMPLOYER_PAYS = frozenset({Payer.EMPLOYER, Payer.VITALITY_BUDGET})


class InvoiceStatus(models.TextChoices):
    SUBMITTED = "submitted", _("submitted, waiting for the desk")
    APPROVED = "approved", _("approved, payment scheduled")
    REJECTED = "rejected", _("rejected")
    EXPORTED = "exported", _("in a payment run")
    PAID = "paid", _("paid")


# Invoices the desk approved, whether paid yet or not: what statements bill and the budget counts.
APPROVED_STATUSES = (InvoiceStatus.APPROVED, InvoiceStatus.EXPORTED, InvoiceStatus.PAID)


class ClaimStatus(models.TextChoices):
    NONE = "none", _("no claim")
    CLAIMED = "claimed", _("claimed at the employee's insurer")
    REIMBURSED = "reimbursed", _("reimbursed by the employee's insurer")
    REJECTED = "rejected", _("rejected by the employee's insurer")


class LineKind(models.TextChoices):
    SESSION = "session", _("session")
    NO_SHOW = "no_show", _("no-show (charged)")
    LATE_CANCELLATION = "late_cancellation", _("late cancellation (charged)")
    THIRD_PARTY = "third_party", _("third-party costs")


class InvoiceQuerySet(TenantQuerySet):
    # The provider sees its own invoices; an employer sees invoices only through its statements.
    tenancy = Tenancy(provider="provider")


class InvoicePartQuerySet(TenantQuerySet):
    tenancy = Tenancy(organisation="invoice__organisation", provider="invoice__provider")


class ClaimConsentQuerySet(TenantQuerySet):
    tenancy = Tenancy(organisation="request__organisation", provider="provider")


class AdjustmentQuerySet(TenantQuerySet):
    tenancy = Tenancy(provider="invoice__provider")


class ProviderInvoice(TimeStampedModel):
    provider = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    request = models.ForeignKey(
        "interventions.InterventionRequest", on_delete=models.PROTECT, related_name="+"
    )
    number = models.CharField(_("invoice number"), max_length=40)
    invoice_date = models.DateField(_("invoice date"))
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    file = models.BinaryField(editable=False)
    file_name = models.CharField(max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=InvoiceStatus.choices, default=InvoiceStatus.SUBMITTED
    )
    reason = models.CharField(_("the desk's reason"), max_length=300, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    payment_due = models.DateField(_("payment scheduled for"), null=True, blank=True)
    batch = models.ForeignKey(
        "billing.PaymentBatch", on_delete=models.PROTECT, null=True, blank=True, related_name="invoices"
    )
    paid_at = models.DateTimeField(null=True, blank=True)
    claim_status = models.CharField(max_length=10, choices=ClaimStatus.choices, default=ClaimStatus.NONE)
    claim_reimbursed = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    # Totals of the lines, kept with them (one write) so lists need no aggregate per row.
    total_excl_vat = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    total_vat = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    total_gross = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    total_offset = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    total_net = models.DecimalField(max_digits=12, decimal_places=2, default=0)

    objects = InvoiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("provider invoice")
        verbose_name_plural = _("provider invoices")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["provider", "number"], name="invoice_number_once")]
        indexes = [
            models.Index(fields=["provider", "-created_at"]),
            models.Index(fields=["status", "payment_due"]),
        ]

    def __str__(self) -> str:
        return f"{self.number}"

    @property
    def status_label(self) -> str:
        return str(InvoiceStatus(self.status).label)


class InvoiceLine(models.Model):
    """One charged item. Amounts are rounded per line: VAT = excl. VAT x rate, half up to the cent."""

    invoice = models.ForeignKey(ProviderInvoice, on_delete=models.CASCADE, related_name="lines")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="billing_lines"
    )
    kind = models.CharField(max_length=20, choices=LineKind.choices)
    appointment = models.ForeignKey(
        "interventions.Appointment", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    description = models.CharField(_("description"), max_length=200)
    service_date = models.DateField(_("date"))
    amount_excl_vat = models.DecimalField(max_digits=10, decimal_places=2)
    vat_rate = models.DecimalField(max_digits=3, decimal_places=2)
    vat = models.DecimalField(max_digits=10, decimal_places=2)
    gross = models.DecimalField(max_digits=10, decimal_places=2)
    offset = models.DecimalField(
        _("claimed from the employee's insurer (ontdubbeld)"), max_digits=10, decimal_places=2, default=0
    )
    net = models.DecimalField(max_digits=10, decimal_places=2)
    payer = models.CharField(max_length=20, choices=Payer.choices)
    # False once the invoice is rejected: its appointments may be invoiced again.
    active = models.BooleanField(default=True)
    statement = models.ForeignKey(
        "billing.CollectiveStatement", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = InvoicePartQuerySet.as_manager()

    class Meta:
        ordering = ["service_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["appointment"], condition=Q(active=True), name="appointment_invoiced_once"
            )
        ]
        indexes = [models.Index(fields=["organisation", "statement"])]

    def __str__(self) -> str:
        return f"{self.invoice_id}: {self.description}"


class ClaimConsent(models.Model):
    """The employee's separate consent, asked by the provider before treatment starts, to claim part of
    the cost from their own health insurance. Which insurer is the provider's to know, not the employer's."""

    request = models.OneToOneField(
        "interventions.InterventionRequest", on_delete=models.PROTECT, related_name="+"
    )
    provider = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    consented_on = models.DateField(_("date of the employee's consent"))
    insurer_name = models.CharField(_("the employee's health insurer"), max_length=100)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ClaimConsentQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.request_id} consent"


class AdjustmentKind(models.TextChoices):
    CLAIM_OUTCOME = "claim_outcome", _("the employee's insurer paid less than claimed")
    DESK_CORRECTION = "desk_correction", _("correction by the desk")


class Adjustment(models.Model):
    """A difference found after an invoice was approved: billed to (or credited to) the employer on the
    next statement, never by changing an issued one; and, for a rejected claim, paid to the provider."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="billing_adjustments"
    )
    invoice = models.ForeignKey(ProviderInvoice, on_delete=models.PROTECT, related_name="adjustments")
    kind = models.CharField(max_length=20, choices=AdjustmentKind.choices)
    amount = models.DecimalField(_("amount (EUR)"), max_digits=10, decimal_places=2)
    payer = models.CharField(max_length=20, choices=Payer.choices)
    reason = models.CharField(_("reason"), max_length=300)
    pays_provider = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    statement = models.ForeignKey(
        "billing.CollectiveStatement", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    batch = models.ForeignKey(
        "billing.PaymentBatch", on_delete=models.PROTECT, null=True, blank=True, related_name="adjustments"
    )

    objects = AdjustmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.invoice} {self.amount}"


class PaymentBatch(models.Model):
    """A SEPA credit-transfer file of approved invoices (pain.001), made and marked paid by the desk."""

    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    execution_date = models.DateField(_("execution date"))
    xml = models.BinaryField(editable=False)
    payment_count = models.PositiveIntegerField(_("payments"))
    total = models.DecimalField(_("total (EUR)"), max_digits=14, decimal_places=2)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)

    class Meta:
        verbose_name = _("payment run")
        verbose_name_plural = _("payment runs")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} ({self.payment_count})"
