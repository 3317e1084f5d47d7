from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkzorg.core.forms import date_field
from werkzorg.insurance import payroll
from werkzorg.insurance.services.exports import SHORT_COLUMNS


class DeregisterForm(forms.Form):
    end_date = date_field(
        _("Last day in the collectivity"),
        _("Inclusive: someone who leaves employment on 1 May has 30 April as the last day."),
    )
    reason = forms.CharField(label=_("Reason (optional)"), max_length=200, required=False)


class EmployeeNumberForm(forms.Form):
    employee_number = forms.CharField(
        label=_("Employee number"),
        max_length=30,
        help_text=_("The number in your payroll system. The change takes effect today."),
    )


class MoveForm(forms.Form):
    collectivity = forms.TypedChoiceField(label=_("To collectivity"), coerce=int)
    effective_date = date_field(_("In the other collectivity from"))

    def __init__(self, *args: Any, choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["collectivity"].choices = choices  # type: ignore[attr-defined]


MONTH_WIDGET = forms.TextInput(attrs={"type": "month", "placeholder": "jjjj-mm"})


class MonthField(forms.DateField):
    """A month as the browser's month field sends it (yyyy-mm); the value is its first day."""

    widget = MONTH_WIDGET
    input_formats = ["%Y-%m", "%m-%Y"]

    def prepare_value(self, value: Any) -> Any:
        return value.strftime("%Y-%m") if hasattr(value, "strftime") else value


class ExportForm(forms.Form):
    columns = forms.MultipleChoiceField(
        label=_("Columns"),
        choices=[(key, heading) for key, (heading, _field) in SHORT_COLUMNS.items()],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    format = forms.ChoiceField(label=_("File"), choices=[("xlsx", "Excel"), ("csv", "CSV")], initial="xlsx")


class PayrollForm(forms.Form):
    profile = forms.ChoiceField(label=_("Payroll system"), widget=forms.RadioSelect)
    columns = forms.MultipleChoiceField(
        label=_("Columns (generic CSV)"),
        choices=list(payroll.GENERIC_LABELS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    withholding_component = forms.CharField(
        label=_("Wage component for the amount to withhold (Loket, Nmbrs)"), max_length=20, required=False
    )
    contribution_component = forms.CharField(
        label=_("Wage component for the employer contribution (optional)"), max_length=20, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["profile"].choices = [(p.name, p.label) for p in payroll.profiles()]  # type: ignore[attr-defined]


class SavedFilterForm(forms.Form):
    name = forms.CharField(label=_("Name of this filter"), max_length=80)
