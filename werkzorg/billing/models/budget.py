"""The vitality budget per organisation per year and the declarations ("facturen declareren") of invoices
the employer paid outside the portal, approved or rejected by the desk."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkzorg.core.models import OrgOwnedModel


class BillingEvent(models.TextChoices):
    DECLARATION_SUBMITTED = "billing_declaration_submitted", _("Invoice declared")
    DECLARATION_DECIDED = "billing_declaration_decided", _("Declaration approved or rejected")
    DECLARATION_FILE_READ = "billing_declaration_file_read", _("Declared invoice downloaded")
    BUDGET_WARNING = "billing_budget_warning", _("Vitality budget almost used")
    INVOICE_SUBMITTED = "billing_invoice_submitted", _("Provider invoice submitted")
    INVOICE_DECIDED = "billing_invoice_decided", _("Provider invoice approved or rejected")
    INVOICE_CORRECTED = "billing_invoice_corrected", _("Provider invoice corrected by the desk")
    INVOICE_FILE_READ = "billing_invoice_file_read", _("Provider invoice downloaded")
    CLAIM_CONSENT = "billing_claim_consent", _("Consent to claim from the employee's insurer recorded")
    CLAIM_OUTCOME = "billing_claim_outcome", _("Outcome of the claim at the employee's insurer recorded")
    PAYMENTS_EXPORTED = "billing_payments_exported", _("Payments exported (SEPA)")
    PAYMENTS_PAID = "billing_payments_paid", _("Payments marked as paid")
    STATEMENT_ISSUED = "billing_statement_issued", _("Collective statement issued")
    STATEMENT_READ = "billing_statement_read", _("Collective statement downloaded")
    STATEMENT_PAID = "billing_statement_paid", _("Collective statement marked as paid")
    QUOTE_MADE = "billing_quote_made", _("Quote for extra work made")
    QUOTE_DECIDED = "billing_quote_decided", _("Quote accepted or declined")


class DeclarationCategory(models.TextChoices):
    COACHING = "coaching", _("Coaching")
    PHYSIOTHERAPY = "physiotherapy", _("Physiotherapy")
    MENTAL = "mental", _("Psychological care")
    TRAINING = "training", _("Training or workshop")
    SCREENING = "screening", _("Health check")
    OTHER = "other", _("Other")


class DeclarationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("submitted")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class VitalityBudget(OrgOwnedModel):
    """What an organisation may spend on vitality in a year; set by the desk with the contract."""

    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(
        _("budget (EUR)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )

    class Meta:
        verbose_name = _("vitality budget")
        verbose_name_plural = _("vitality budgets")
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="one_budget_per_year")]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}"


class Declaration(OrgOwnedModel):
    """An invoice the employer paid to a provider outside the portal, declared against the budget."""

    declared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    provider_name = models.CharField(_("provider"), max_length=200)
    invoice_number = models.CharField(_("invoice number"), max_length=60)
    invoice_date = models.DateField(_("invoice date"))
    amount = models.DecimalField(_("amount incl. VAT (EUR)"), max_digits=10, decimal_places=2)
    category = models.CharField(_("category"), max_length=20, choices=DeclarationCategory.choices)
    # Which employee only when the invoice is about one person and the desk needs to know.
    employee = models.ForeignKey(
        "employees.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    file = models.BinaryField(editable=False)
    file_name = models.CharField(max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=DeclarationStatus.choices, default=DeclarationStatus.SUBMITTED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("declaration")
        verbose_name_plural = _("declarations")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "status", "invoice_date"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "provider_name", "invoice_number"], name="declared_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.provider_name} {self.invoice_number}"
