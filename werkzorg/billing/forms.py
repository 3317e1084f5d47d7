from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkzorg.billing.models import VAT_RATES, DeclarationCategory
from werkzorg.core.forms import date_field


class DeclarationForm(forms.Form):
    provider_name = forms.CharField(label=_("Provider"), max_length=200)
    invoice_number = forms.CharField(label=_("Invoice number"), max_length=60)
    invoice_date = date_field(_("Invoice date"))
    amount = forms.DecimalField(
        label=_("Amount incl. VAT (EUR)"), max_digits=10, decimal_places=2, min_value=0
    )
    category = forms.ChoiceField(label=_("Category"), choices=DeclarationCategory.choices)
    employee_number = forms.CharField(
        label=_("Employee number"),
        max_length=30,
        required=False,
        help_text=_("Only when the invoice is about one employee and the desk needs to know who."),
    )
    file = forms.FileField(
        label=_("The invoice (PDF, at most 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


THIRD_PARTY_ROWS = 2


class ProviderInvoiceForm(forms.Form):
    """The provider's invoice for one request: which charged appointments, the part claimed from the
    employee's own insurer per appointment (only with their consent), third-party costs, the original PDF."""

    number = forms.CharField(label=_("Your invoice number"), max_length=40)
    invoice_date = date_field(_("Invoice date"))
    appointments = forms.MultipleChoiceField(
        label=_("Charged appointments"), required=False, widget=forms.CheckboxSelectMultiple
    )
    file = forms.FileField(
        label=_("The original invoice (PDF, at most 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    def __init__(self, *args: Any, appointments: list[tuple[int, str]], claim_allowed: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["appointments"].choices = [(str(pk), label) for pk, label in appointments]  # type: ignore[attr-defined]
        self.claim_fields = []
        if claim_allowed:
            for pk, label in appointments:
                name = f"offset_{pk}"
                self.fields[name] = forms.DecimalField(
                    label=_("Claimed from the employee's insurer: %(appointment)s") % {"appointment": label},
                    max_digits=10,
                    decimal_places=2,
                    min_value=0,
                    required=False,
                )
                self.claim_fields.append(name)
        self.third_party_rows = []
        for row in range(1, THIRD_PARTY_ROWS + 1):
            names = [f"tp{row}_description", f"tp{row}_amount", f"tp{row}_vat", f"tp{row}_date"]
            self.fields[names[0]] = forms.CharField(
                label=_("Third-party costs %(n)s: description") % {"n": row}, max_length=200, required=False
            )
            self.fields[names[1]] = forms.DecimalField(
                label=_("Amount excl. VAT (EUR)"),
                max_digits=10,
                decimal_places=2,
                min_value=0,
                required=False,
            )
            self.fields[names[2]] = forms.TypedChoiceField(
                label=_("VAT rate"),
                choices=VAT_RATES,
                coerce=Decimal,
                initial=Decimal("0.21"),
                required=False,
            )
            self.fields[names[3]] = date_field(_("Date"), required=False)
            self.third_party_rows.append(names)
        # The original last, after the lines it shows.
        self.order_fields([name for name in self.fields if name != "file"] + ["file"])

    def appointment_ids(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data["appointments"]]

    def offsets(self) -> dict[int, Decimal]:
        found = {}
        for name in self.claim_fields:
            value = self.cleaned_data.get(name)
            if value:
                found[int(name.removeprefix("offset_"))] = value
        return found

    def third_party(self, default_date: datetime.date) -> list[tuple[str, Decimal, Decimal, datetime.date]]:
        costs = []
        for description, amount, vat, day in self.third_party_rows:
            if self.cleaned_data.get(description) or self.cleaned_data.get(amount):
                costs.append(
                    (
                        self.cleaned_data.get(description) or "",
                        self.cleaned_data.get(amount) or Decimal(0),
                        self.cleaned_data.get(vat) or Decimal("0.21"),
                        self.cleaned_data.get(day) or default_date,
                    )
                )
        return costs


class ClaimConsentForm(forms.Form):
    consented_on = date_field(_("Date the employee consented"))
    insurer_name = forms.CharField(
        label=_("The employee's health insurer"),
        max_length=100,
        help_text=_("Only you see this; the employer sees amounts, never the insurer."),
    )


class ClaimOutcomeForm(forms.Form):
    reimbursed = forms.DecimalField(
        label=_("Reimbursed by the employee's insurer (EUR)"),
        max_digits=10,
        decimal_places=2,
        min_value=0,
        help_text=_("0 when the insurer rejected the claim; the employer then pays the whole amount."),
    )
