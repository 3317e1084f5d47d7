from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkzorg.absence.models import (
    SAFETY_NET_CHOICES,
    ConsultKind,
    ExpectedDuration,
    MedicalRecordKind,
    PlanKind,
)
from werkzorg.core.forms import date_field

NO_MEDICAL = _(
    "Do not enter medical information (diagnosis, complaints, treatment): the employer may not hold it."
)


def text_field(label: Any, *, required: bool = True, help_text: Any = "", rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, help_text=help_text, max_length=4000,
        widget=forms.Textarea(attrs={"rows": rows}),
    )  # fmt: skip


class SickReportForm(forms.Form):
    employee_number = forms.CharField(label=_("Employee number"), max_length=30)
    first_sick_day = date_field(_("First sick day"), _("Today or a few days back; never in the future."))
    expected_duration = forms.ChoiceField(
        label=_("Expected duration"), choices=ExpectedDuration.choices, required=False
    )
    reachable_address = forms.CharField(
        label=_("Address while sick"), max_length=200, required=False,
        help_text=_("Only when the employee stays somewhere else than at home."),
    )  # fmt: skip
    reachable_phone = forms.CharField(label=_("Phone while sick"), max_length=20, required=False)
    work_accident = forms.BooleanField(label=_("The absence follows a work accident"), required=False)
    third_party_liable = forms.BooleanField(
        label=_("A third party may be liable (e.g. a traffic accident)"), required=False
    )
    safety_net = forms.ChoiceField(
        label=_("Safety-net case (changes UWV's deadlines)"), choices=SAFETY_NET_CHOICES, required=False
    )
    remarks = text_field(_("Work agreements and remarks"), required=False, help_text=NO_MEDICAL)


class RelapseForm(forms.Form):
    first_sick_day = date_field(_("First sick day"), _("Today or a few days back; never in the future."))
    safety_net = forms.ChoiceField(
        label=_("Safety-net case (changes UWV's deadlines)"), choices=SAFETY_NET_CHOICES, required=False
    )


class PartialRecoveryForm(forms.Form):
    effective_from = date_field(_("From"), _("The first day the employee works partly again."))
    percentage = forms.IntegerField(
        label=_("Still absent (%)"), min_value=1, max_value=99,
        help_text=_("E.g. 50 when the employee works half of the agreed hours."),
    )  # fmt: skip


class RecoveryForm(forms.Form):
    recovered_on = date_field(_("Fully recovered on"), _("The first day the employee works fully again."))


class FileForm(forms.Form):
    expected_duration = forms.ChoiceField(
        label=_("Expected duration"), choices=ExpectedDuration.choices, required=False
    )
    reachable_address = forms.CharField(label=_("Address while sick"), max_length=200, required=False)
    reachable_phone = forms.CharField(label=_("Phone while sick"), max_length=20, required=False)
    case_manager = forms.TypedChoiceField(
        label=_("Case manager"), coerce=int, required=False, empty_value=None
    )
    practitioner = forms.TypedChoiceField(
        label=_("Occupational physician"), coerce=int, required=False, empty_value=None
    )
    work_accident = forms.BooleanField(label=_("Work accident"), required=False)
    third_party_liable = forms.BooleanField(label=_("A third party may be liable"), required=False)
    recovery_consent_on = date_field(
        _("Employee consented to recovering the costs from the third party on"), required=False
    )
    safety_net = forms.ChoiceField(label=_("Safety-net case"), choices=SAFETY_NET_CHOICES, required=False)
    state_pension_age = forms.BooleanField(
        label=_("Employee has reached the state-pension age"), required=False
    )
    employment_end = date_field(_("Employment ends on"), required=False)
    remarks = text_field(_("Work agreements and remarks"), required=False, help_text=NO_MEDICAL)

    def __init__(self, *args: Any, managers: list[tuple[int, str]], practitioners: list[tuple[int, str]],
                 **kwargs: Any) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        self.fields["case_manager"].choices = [("", "-"), *managers]  # type: ignore[attr-defined]
        self.fields["practitioner"].choices = [("", "-"), *practitioners]  # type: ignore[attr-defined]


class StepForm(forms.Form):
    step = forms.CharField(widget=forms.HiddenInput)
    sequence = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    done_on = date_field(_("Done on"), required=False)
    not_applicable_reason = forms.CharField(
        label=_("Or: not applicable, because"), max_length=300, required=False
    )


class PlanForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=PlanKind.choices)
    goal = forms.CharField(label=_("Goal"), max_length=300, help_text=_("E.g. back in own work, in stages."))
    agreements = text_field(_("Agreements"), rows=6, help_text=NO_MEDICAL)
    case_manager_name = forms.CharField(label=_("Case manager"), max_length=200)


class ConsultForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ConsultKind.choices)
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        input_formats=["%Y-%m-%dT%H:%M", "%d-%m-%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    practitioner = forms.TypedChoiceField(label=_("Occupational physician"), coerce=int, required=False)

    def __init__(self, *args: Any, practitioners: list[tuple[int, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if practitioners is None:
            del self.fields["practitioner"]
        else:
            self.fields["practitioner"].choices = practitioners  # type: ignore[attr-defined]
            self.fields["practitioner"].required = True


class MedicalRecordForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=MedicalRecordKind.choices)
    body = text_field(
        _("Text"), rows=8, help_text=_("Visible to you (and the physicians of this file) only.")
    )


class AdviceForm(forms.Form):
    can_do = text_field(_("What the employee can do"))
    cannot_do = text_field(_("What the employee cannot do (yet)"))
    expected_return = forms.CharField(label=_("Expected return to work"), max_length=200)
    plan_advice = text_field(_("Advice on the plan of action"), required=False)


class InformationRequestForm(forms.Form):
    addressed_to = forms.CharField(label=_("Treating physician or specialist"), max_length=200)
    question = text_field(_("Question"))
    consent_given_on = date_field(_("The employee consented on"))
    consent_scope = forms.CharField(
        label=_("What the employee consented to"), max_length=300,
        help_text=_("Which information, from whom, for what purpose."),
    )  # fmt: skip


class StatisticsForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("Period"),
        coerce=int,
        required=False,
        empty_value=None,
        choices=[(0, _("Whole year")), (1, _("Q1")), (2, _("Q2")), (3, _("Q3")), (4, _("Q4"))],
    )


class MessagesForm(forms.Form):
    first = date_field(_("From"))
    last = date_field(_("Up to and including"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("first") and data.get("last") and data["last"] < data["first"]:
            self.add_error("last", _("The end lies before the start."))
        return data
