from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from werkzorg.billing.models import DeclarationCategory
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
