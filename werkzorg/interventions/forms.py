from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkzorg.access import Actor, scope
from werkzorg.core.forms import PhoneField
from werkzorg.employees.models import Employee
from werkzorg.interventions.models import Intervention
from werkzorg.organisations.models import Collectivity, Organisation


class RequestForm(forms.Form):
    """No BSN and no diagnosis: only what the provider needs to contact the employee."""

    collectivity = forms.ModelChoiceField(label=_("Collectivity"), queryset=Collectivity.objects.none())
    provider = forms.ModelChoiceField(label=_("Care provider"), queryset=Organisation.objects.none())
    employee_number = forms.CharField(
        label=_("Employee number"),
        required=False,
        max_length=30,
        help_text=_("Known in the employee register? Then the contact details below may stay empty."),
    )
    name = forms.CharField(label=_("Employee's name"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("Employee's e-mail"), required=False, help_text=_("The consent request is sent here.")
    )
    phone = PhoneField(label=_("Employee's mobile number"), required=False)
    language = forms.ChoiceField(
        label=_("Language of the e-mails to the employee"),
        choices=settings.LANGUAGES,
        initial="nl",
        required=False,
    )
    note = forms.CharField(
        label=_("Note for the provider"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Practical matters only (availability, language). Never a diagnosis or medical details."),
    )
    submit_token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, actor: Actor, intervention: Intervention, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["collectivity"].queryset = scope(Collectivity, actor)  # type: ignore[attr-defined]
        self.fields["provider"].queryset = intervention.providers.filter(is_active=True)  # type: ignore[attr-defined]
        self.employee: Employee | None = None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        number = (data.get("employee_number") or "").strip()
        if number:
            self.employee = scope(Employee, self.actor).filter(employee_number=number).first()
            if self.employee is None:
                self.add_error("employee_number", _("No employee with this number in your register."))
                return data
            data["name"] = data.get("name") or self.employee.display_name
            data["email"] = data.get("email") or self.employee.email
            data["phone"] = data.get("phone") or self.employee.mobile
        if not data.get("name"):
            self.add_error("name", _("Enter the employee's name (or an employee number from the register)."))
        if not data.get("email"):
            self.add_error(
                "email", _("An e-mail address is needed: the employee is asked for consent by e-mail.")
            )
        return data


class AppointmentForm(forms.Form):
    use_required_attribute = False  # see ExtensionForm
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        input_formats=["%Y-%m-%dT%H:%M", "%d-%m-%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def clean_starts_at(self) -> Any:
        value = self.cleaned_data["starts_at"]
        if value <= timezone.now():
            raise forms.ValidationError(_("Plan the appointment in the future."))
        return value


class ExtensionForm(forms.Form):
    # Checked on the server with a clear message; the browser's `required` would paint the empty field
    # red (the design system styles :invalid) before anyone typed.
    use_required_attribute = False
    extra_sessions = forms.IntegerField(label=_("Extra sessions"), min_value=1, max_value=50)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Without medical details: the employer reads this."),
    )


class SurveyForm(forms.Form):
    score_offer = forms.TypedChoiceField(
        label=_("How do you rate the offer? (1-10)"),
        coerce=int,
        choices=[(i, str(i)) for i in range(1, 11)],
        widget=forms.RadioSelect,
    )
    score_speed = forms.TypedChoiceField(
        label=_("How do you rate the speed with which you were helped? (1-10)"),
        coerce=int,
        choices=[(i, str(i)) for i in range(1, 11)],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
