from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from werkzorg.core.errors import DomainError
from werkzorg.core.validators import normalise_phone


class PhoneField(forms.CharField):
    """A mobile number, accepted as people type it and stored in E.164."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 25)
        super().__init__(**kwargs)
        self.widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})

    def clean(self, value: Any) -> str:
        value = super().clean(value)
        if not value:
            return ""
        return normalise_phone(value)


# Dates as the browser's date field sends them, and as people type them.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"]


def date_field(label: Any, help_text: Any = "", *, required: bool = True) -> forms.DateField:
    """A date with the browser's date picker, accepting the usual Dutch spellings too."""
    return forms.DateField(
        label=label,
        help_text=help_text,
        required=required,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def add_domain_error(form: forms.BaseForm, error: DomainError) -> None:
    """Show a service's DomainError on the form: on its field when it names one the form has."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, ValidationError(str(error.message)))
