from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkzorg.access import Actor, scope
from werkzorg.access.policy import GRANT_FIELDS, PERMISSION_FIELDS, ROLE_FIELDS, grant_labels, may_grant
from werkzorg.core.forms import PhoneField
from werkzorg.organisations.models import Collectivity, Membership


class GrantsFormMixin(forms.Form):
    """Switches for permissions and roles; those the actor may not touch are shown but disabled."""

    actor: Actor

    def add_grant_fields(self, actor: Actor, initial: dict[str, bool]) -> None:
        self.actor = actor
        for field in GRANT_FIELDS:
            editable = may_grant(actor, field)
            self.fields[field] = forms.BooleanField(
                label=getattr(Membership._meta.get_field(field), "verbose_name", field),
                required=False,
                initial=initial.get(field, False),
                disabled=not editable,
            )

    def clean(self) -> dict[str, Any]:
        """A right that may not be granted is shown but fixed; asking for it anyway gets a clear refusal."""
        data = super().clean() or {}
        refused = [
            field
            for field in GRANT_FIELDS
            if self.fields[field].disabled
            and not self.fields[field].initial
            and str(self.data.get(field, "")).lower() in {"on", "true", "1"}
        ]
        if refused:
            raise forms.ValidationError(
                _("You may not grant: %(rights)s. Nothing was saved; the other choices are kept.")
                % {"rights": ", ".join(grant_labels(refused))}
            )
        return data

    def permission_fields(self) -> list[forms.BoundField]:
        return [self[f] for f in PERMISSION_FIELDS]

    def role_fields(self) -> list[forms.BoundField]:
        return [self[f] for f in ROLE_FIELDS]

    def grants(self) -> dict[str, bool]:
        return {f: bool(self.cleaned_data.get(f)) for f in GRANT_FIELDS}


class InviteForm(GrantsFormMixin):
    full_name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"))
    phone = PhoneField(
        label=_("Mobile number"), help_text=_("The login code is sent here by SMS, e.g. +31 6 12345678.")
    )

    def __init__(self, *args: Any, actor: Actor, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_grant_fields(actor, {})


class RightsForm(GrantsFormMixin):
    version = forms.IntegerField(widget=forms.HiddenInput)
    insurance_collectivities = forms.ModelMultipleChoiceField(
        label=_("Collective health insurance only for these collectivities"),
        help_text=_("Choose none for all collectivities of the organisation."),
        queryset=Collectivity.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, actor: Actor, membership: Membership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = membership.version
        self.add_grant_fields(actor, membership.grant_values())
        choices = self.fields["insurance_collectivities"]
        choices.queryset = scope(Collectivity, actor)  # type: ignore[attr-defined]
        choices.initial = list(membership.insurance_collectivities.values_list("pk", flat=True))
        if len(choices.queryset) < 2 or not may_grant(actor, "role_insurance"):  # type: ignore[attr-defined]
            del self.fields["insurance_collectivities"]  # nothing to choose, or not theirs to choose
        if membership.user_id == actor.user.pk:
            for field in GRANT_FIELDS:
                self.fields[field].disabled = True
            self.fields.pop("insurance_collectivities", None)


class AgbSearchForm(forms.Form):
    agb_code = forms.RegexField(
        label=_("AGB code"),
        regex=r"^\s*\d{8}\s*$",
        error_messages={"invalid": _("An AGB code has exactly 8 digits.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class AcceptTermsForm(forms.Form):
    accept = forms.BooleanField(label=_("I accept these terms and conditions on behalf of the organisation"))
