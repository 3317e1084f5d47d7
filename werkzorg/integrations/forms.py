from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkzorg.access import Actor
from werkzorg.access.policy import CLIENT_GRANT_FIELDS, may_grant
from werkzorg.integrations.models import ApiClient
from werkzorg.organisations.models import Organisation, OrganisationKind


class ClientForm(forms.Form):
    """An organisation's own client: only the roles the registrar may grant are offered (werkzorg.access)."""

    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("The system that will call the API, e.g. the payroll system."),
    )
    expires_on = forms.DateField(
        label=_("Valid until"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("At most two years ahead; register a new client before then."),
    )

    def __init__(self, *args: Any, actor: Actor | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["expires_on"].initial = timezone.localdate() + datetime.timedelta(days=365)
        for field in CLIENT_GRANT_FIELDS:
            if actor is None or may_grant(actor, field):
                label = getattr(ApiClient._meta.get_field(field), "verbose_name", field)
                self.fields[field] = forms.BooleanField(label=label, required=False)

    def grants(self) -> dict[str, bool]:
        return {field: bool(self.cleaned_data.get(field)) for field in CLIENT_GRANT_FIELDS}


class OperatorClientForm(ClientForm):
    """An operator-wide client, registered by the desk: every role may be chosen, and whom it serves."""

    served = forms.ModelMultipleChoiceField(
        label=_("Organisations served"),
        queryset=Organisation.objects.filter(kind=OrganisationKind.EMPLOYER, is_active=True).order_by("name"),
        widget=forms.CheckboxSelectMultiple,
    )
