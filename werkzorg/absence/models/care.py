"""The plan of action and its evaluations, consults, medical records (medical permission only),
information requests and the physician's work-related advice."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkzorg.absence.models.files import AbsenceFile, FileChildQuerySet
from werkzorg.absence.offsets import Step
from werkzorg.core.crypto import decrypt, encrypt
from werkzorg.core.models import OrgOwnedModel, TenantQuerySet
from werkzorg.core.tenancy import Tenancy


class PlanKind(models.TextChoices):
    PLAN = "plan", _("Plan of action")
    EVALUATION = "evaluation", _("Evaluation")
    FIRST_YEAR = "first_year", _("First-year evaluation")
    FINAL = "final", _("Final evaluation")


PLAN_STEPS = {
    PlanKind.PLAN: Step.PLAN_OF_ACTION,
    PlanKind.EVALUATION: Step.EVALUATION,
    PlanKind.FIRST_YEAR: Step.FIRST_YEAR_EVALUATION,
    PlanKind.FINAL: Step.FINAL_EVALUATION,
}


class PlanDocument(models.Model):
    """The plan of action or one of its evaluations: agreed, then signed by employer and employee."""

    file = models.ForeignKey(AbsenceFile, on_delete=models.CASCADE, related_name="plans")
    kind = models.CharField(_("kind"), max_length=20, choices=PlanKind.choices)
    sequence = models.PositiveSmallIntegerField(default=1)
    goal = models.CharField(_("goal"), max_length=300)
    agreements = models.TextField(_("agreements"))
    case_manager_name = models.CharField(_("case manager"), max_length=200)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(default=timezone.now)
    employer_signed_on = models.DateField(null=True, blank=True)
    employer_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    employee_signed_on = models.DateField(null=True, blank=True)

    objects = FileChildQuerySet.as_manager()

    class Meta:
        ordering = ["written_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["file", "kind", "sequence"], name="one_plan_document_per_step"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.sequence}"

    @property
    def step(self) -> Step:
        return PLAN_STEPS[PlanKind(self.kind)]

    @property
    def signed_on(self) -> datetime.date | None:
        if self.employer_signed_on and self.employee_signed_on:
            return max(self.employer_signed_on, self.employee_signed_on)
        return None


class ConsultKind(models.TextChoices):
    EARLY = "early", _("Early consult (frequent absence)")
    FIRST = "first", _("First consult")
    FOLLOW_UP = "follow_up", _("Follow-up consult")
    TELEPHONE = "telephone", _("Telephone follow-up")
    PREVENTION = "prevention", _("Prevention consult")
    WORKPLACE_VISIT = "workplace_visit", _("Workplace visit")
    SECOND_OPINION = "second_opinion", _("Second opinion")


class ConsultStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    HELD = "held", _("held")
    CANCELLED = "cancelled", _("cancelled")
    NO_SHOW = "no_show", _("employee did not come")


class Consult(OrgOwnedModel):
    """An appointment with the physician; the employer sees when and what kind, never what was said."""

    employee = models.ForeignKey("employees.Employee", on_delete=models.PROTECT, related_name="+")
    file = models.ForeignKey(
        AbsenceFile, on_delete=models.PROTECT, null=True, blank=True, related_name="consults"
    )
    practitioner = models.ForeignKey("organisations.Practitioner", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=ConsultKind.choices)
    starts_at = models.DateTimeField(_("date and time"))
    status = models.CharField(max_length=20, choices=ConsultStatus.choices, default=ConsultStatus.PLANNED)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    # Cancelled less than two working days ahead, or not attended: the employer is charged.
    chargeable = models.BooleanField(default=False)
    planned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["organisation", "practitioner", "status", "starts_at"])]


class MedicalRecordKind(models.TextChoices):
    NOTE = "note", _("Consult note")
    PROBLEM_ANALYSIS = "problem_analysis", _("Problem analysis (medical part)")
    FML = "fml", _("Functional abilities list (FML)")
    REINTEGRATION_REPORT = "reintegration_report", _("Re-integration report (medical part)")
    OCCUPATIONAL_DISEASE = "occupational_disease", _("Occupational disease report")


class MedicalQuerySet(TenantQuerySet):
    tenancy = Tenancy(medical=True)


class MedicalRecord(OrgOwnedModel):
    """Medical detail: encrypted at rest, readable only through scope() by an authorised physician."""

    employee = models.ForeignKey("employees.Employee", on_delete=models.PROTECT, related_name="+")
    file = models.ForeignKey(AbsenceFile, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    consult = models.ForeignKey(Consult, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    practitioner = models.ForeignKey("organisations.Practitioner", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=30, choices=MedicalRecordKind.choices)
    body_encrypted = models.TextField()
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = MedicalQuerySet.as_manager()  # type: ignore[misc]

    class Meta:
        ordering = ["-created_at", "-id"]

    @property
    def body(self) -> str:
        return decrypt(self.body_encrypted)

    @body.setter
    def body(self, text: str) -> None:
        self.body_encrypted = encrypt(text)


class InformationRequest(OrgOwnedModel):
    """A request for information to the treating physician or specialist, only with recorded consent."""

    employee = models.ForeignKey("employees.Employee", on_delete=models.PROTECT, related_name="+")
    file = models.ForeignKey(AbsenceFile, on_delete=models.PROTECT, related_name="+")
    practitioner = models.ForeignKey("organisations.Practitioner", on_delete=models.PROTECT, related_name="+")
    addressed_to = models.CharField(_("addressed to"), max_length=200)
    question_encrypted = models.TextField()
    consent_given_on = models.DateField(_("employee's consent given on"))
    consent_scope = models.CharField(_("what the employee consented to"), max_length=300)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = MedicalQuerySet.as_manager()  # type: ignore[misc]

    class Meta:
        ordering = ["-created_at", "-id"]

    @property
    def question(self) -> str:
        return decrypt(self.question_encrypted)


class WorkAdvice(models.Model):
    """The physician's work-related advice, the part of the physician's work the employer sees."""

    file = models.ForeignKey(AbsenceFile, on_delete=models.CASCADE, related_name="advices")
    practitioner = models.ForeignKey("organisations.Practitioner", on_delete=models.PROTECT, related_name="+")
    given_on = models.DateField(_("date"))
    can_do = models.TextField(_("what the employee can do"))
    cannot_do = models.TextField(_("what the employee cannot do (yet)"))
    expected_return = models.CharField(_("expected return to work"), max_length=200)
    plan_advice = models.TextField(_("advice on the plan of action"), blank=True)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = FileChildQuerySet.as_manager()

    class Meta:
        ordering = ["-given_on", "-id"]

    def __str__(self) -> str:
        return f"{self.given_on:%d-%m-%Y}"
