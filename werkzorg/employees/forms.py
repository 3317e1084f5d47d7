from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkzorg.core.forms import PhoneField
from werkzorg.employees.models import Employee

DATE_INPUT_FORMATS = ["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"]

EMPLOYEE_FIELDS = [
    "employee_number",
    "first_name",
    "name_prefix",
    "last_name",
    "email",
    "mobile",
    "date_of_birth",
    "department",
    "employment_start",
    "employment_end",
]
EMPLOYEE_DATE_FIELDS = frozenset({"date_of_birth", "employment_start", "employment_end"})


def cross_field_problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    """The rules between fields, for the form and for each imported row alike."""
    problems = []
    start, end = data.get("employment_start"), data.get("employment_end")
    if start and end and end < start:
        problems.append(("employment_end", str(_("The end of employment cannot be before its start."))))
    birth = data.get("date_of_birth")
    if birth and start and birth >= start:
        problems.append(
            ("date_of_birth", str(_("The date of birth must be before the start of employment.")))
        )
    return problems


class EmployeeForm(forms.ModelForm):
    """Used by the page and, row by row, by the import: one set of rules for both."""

    mobile = PhoneField(label=_("Mobile number"), required=False)
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    employment_start = forms.DateField(
        label=_("Employed since"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    employment_end = forms.DateField(
        label=_("Employment ended on"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    part_time_factor = forms.DecimalField(
        label=_("Part-time factor"),
        required=False,
        min_value=Decimal("0.01"),
        max_value=Decimal("1.5"),
        decimal_places=3,
        help_text=_("Share of a full-time job: 1 for full time, 0.5 for half. Weighs the absence figures."),
    )

    class Meta:
        model = Employee
        fields = [*EMPLOYEE_FIELDS, "part_time_factor"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        # Only the page's form has this field; an import row or an API call leaves the stored one alone.
        if "part_time_factor" not in self.data:
            data.pop("part_time_factor", None)
        elif data.get("part_time_factor") is None:
            data["part_time_factor"] = Decimal(1)
        for field, message in cross_field_problems(data):
            self.add_error(field, message)
        return data

    def validate_unique(self) -> None:
        # The organisation is not a form field; the service checks the number per organisation.
        pass


class EndEmploymentForm(forms.Form):
    employment_end = forms.DateField(
        label=_("Last day of employment"),
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File (CSV or Excel)"),
        help_text=_(
            "Columns: personeelsnummer, voornaam, tussenvoegsel, achternaam, e-mail, mobiel, geboortedatum, "
            "afdeling, in dienst, uit dienst. The first row holds the column names."
        ),
    )
