from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.RegexField(
        label=_("Code from the SMS"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("The code has 6 digits.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class RegisterForm(forms.Form):
    full_name = forms.CharField(label=_("Name"), max_length=200)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "At least 12 characters; a sentence of several words is easy to remember and hard to guess."
        ),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    accept_terms = forms.BooleanField(label=_("I accept the terms and conditions"), required=False)

    def __init__(self, *args: Any, needs_terms: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if needs_terms:
            self.fields["accept_terms"].required = True
        else:
            del self.fields["accept_terms"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password1") and data.get("password2") and data["password1"] != data["password2"]:
            self.add_error("password2", _("The two passwords are not the same."))
        return data
