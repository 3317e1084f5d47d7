"""Sickness absence under the Poortwachter law: files, sick periods, steps, plans, consults, advice.

What the employer may hold (the Dutch DPA's rules for sick employees): expected duration, reachability,
work agreements and adjustments, safety-net status, work-accident and third-party flags. Nothing here
has a field for a diagnosis or complaints. Medical detail lives only in the models marked medical
(`MedicalRecord`, `InformationRequest`), read through `werkzorg.access.scope()`, which gives them to an
authorised occupational physician and nobody else.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkzorg.absence.offsets import SafetyNet, Step
from werkzorg.absence.timeline import Course, Period, Record
from werkzorg.core.models import OrgOwnedModel, TenantQuerySet
from werkzorg.core.tenancy import Tenancy


class AbsenceEvent(models.TextChoices):
    FILE_READ = "absence_file_read", _("Absence file read")
    REPORTED_SICK = "absence_reported_sick", _("Reported sick")
    RELAPSE = "absence_relapse", _("Relapse reported")
    PARTIAL_RECOVERY = "absence_partial_recovery", _("Partial recovery reported")
    RECOVERED = "absence_recovered", _("Recovery reported")
    FILE_CHANGED = "absence_file_changed", _("Absence file changed")
    STEP_RECORDED = "absence_step_recorded", _("Poortwachter step recorded")
    PLAN_WRITTEN = "absence_plan_written", _("Plan of action written")
    PLAN_SIGNED = "absence_plan_signed", _("Plan of action signed")
    LINK_SENT = "absence_link_sent", _("Employee link sent")
    EMPLOYEE_LINK_OPENED = "absence_employee_link_opened", _("Employee opened the absence link")
    CONSULT_PLANNED = "absence_consult_planned", _("Consult planned")
    CONSULT_CHANGED = "absence_consult_changed", _("Consult held or cancelled")
    ADVICE_GIVEN = "absence_advice_given", _("Work-related advice given")
    MEDICAL_WRITTEN = "absence_medical_written", _("Medical record written")
    MEDICAL_READ = "absence_medical_read", _("Medical records read")
    MEDICAL_EXPORTED = "absence_medical_exported", _("Medical file exported for transfer")
    INFORMATION_REQUESTED = (
        "absence_information_requested",
        _("Information requested from a treating physician"),
    )
    STATISTICS_READ = "absence_statistics_read", _("Absence statistics read")
    EXPORTED = "absence_exported", _("Absence reports exported")


class ExpectedDuration(models.TextChoices):
    UNKNOWN = "", _("Not known yet")
    WEEK = "week", _("Up to a week")
    TWO_WEEKS = "two_weeks", _("One to two weeks")
    SIX_WEEKS = "six_weeks", _("Two to six weeks")
    LONGER = "longer", _("Longer than six weeks")


SAFETY_NET_CHOICES = [
    (SafetyNet.NONE.value, _("None")),
    (SafetyNet.PREGNANCY.value, _("Sick through pregnancy (before the leave)")),
    (SafetyNet.PREGNANCY_LATE.value, _("Pregnant: in the flexibilisation period, or sick through pregnancy after the leave")),
    (SafetyNet.ORGAN_DONATION.value, _("Organ donation")),
    (SafetyNet.NO_RISK_POLICY.value, _("No-risk policy")),
    (SafetyNet.DISABILITY_STATUS.value, _("Disability status (Wajong, WIA, jobs agreement)")),
]  # fmt: skip
PREGNANCY_CASES = (SafetyNet.PREGNANCY.value, SafetyNet.PREGNANCY_LATE.value)
STEP_CHOICES = [(step.value, step.value) for step in Step]


class AbsenceFileQuerySet(TenantQuerySet):
    def open(self) -> AbsenceFileQuerySet:
        return self.filter(recovered_on__isnull=True)


class AbsenceFile(OrgOwnedModel):
    """One combined sick period of one employee (periods less than four weeks apart are one file)."""

    employee = models.ForeignKey("employees.Employee", on_delete=models.PROTECT, related_name="absence_files")
    first_sick_day = models.DateField(_("first sick day"))
    # The first day fully fit again after the last period; empty while the employee is (partly) sick.
    recovered_on = models.DateField(_("recovered on"), null=True, blank=True)
    current_degree = models.PositiveSmallIntegerField(_("absence now (%)"), default=100)
    expected_duration = models.CharField(
        _("expected duration"), max_length=20, choices=ExpectedDuration.choices, blank=True
    )
    reachable_address = models.CharField(_("address while sick"), max_length=200, blank=True)
    reachable_phone = models.CharField(_("phone while sick"), max_length=20, blank=True)
    work_accident = models.BooleanField(_("work accident"), default=False)
    third_party_liable = models.BooleanField(_("a third party is liable"), default=False)
    # Recovering costs from a liable third party needs the employee's consent (recorded, dated).
    recovery_consent_on = models.DateField(
        _("employee consented to recovery of costs on"), null=True, blank=True
    )
    safety_net = models.CharField(_("safety-net case"), max_length=20, choices=SAFETY_NET_CHOICES, blank=True)
    state_pension_age = models.BooleanField(_("employee has reached the state-pension age"), default=False)
    employment_end = models.DateField(_("employment ends on"), null=True, blank=True)
    case_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="absence_files_managed",
        verbose_name=_("case manager"),
    )
    practitioner = models.ForeignKey(
        "organisations.Practitioner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="absence_files",
        verbose_name=_("occupational physician"),
    )
    remarks = models.TextField(_("work agreements and remarks"), blank=True)
    # The employee's link (no account): a new nonce voids every earlier link.
    link_nonce = models.CharField(max_length=32, blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = AbsenceFileQuerySet.as_manager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("absence file")
        verbose_name_plural = _("absence files")
        ordering = ["-first_sick_day", "-id"]
        indexes = [
            models.Index(fields=["organisation", "recovered_on", "first_sick_day"]),
            models.Index(fields=["employee", "first_sick_day"]),
        ]

    def __str__(self) -> str:
        return f"{self.employee} ({self.first_sick_day:%d-%m-%Y})"

    @property
    def is_open(self) -> bool:
        return self.recovered_on is None

    @property
    def effective_employment_end(self) -> datetime.date | None:
        """The date recorded on the file, else the one in the employee register (HR ended it there)."""
        return self.employment_end or self.employee.employment_end

    def course(self, periods: list[SickPeriod]) -> Course:
        return Course(
            periods=tuple(Period(p.start, p.recovered_on) for p in periods),
            safety_net=self.safety_net,
            employment_end=self.effective_employment_end,
            state_pension_age=self.state_pension_age,
        )


class FileChildQuerySet(TenantQuerySet):
    tenancy = Tenancy(organisation="file__organisation")


class SickPeriod(models.Model):
    """One sick report and its recovery; a relapse within four weeks is a new period in the same file."""

    file = models.ForeignKey(AbsenceFile, on_delete=models.CASCADE, related_name="periods")
    # Kept beside the file for the statistics, which count reports per organisation and employee.
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    employee = models.ForeignKey("employees.Employee", on_delete=models.PROTECT, related_name="+")
    start = models.DateField(_("first sick day"))
    recovered_on = models.DateField(_("recovered on"), null=True, blank=True)
    pregnancy = models.BooleanField(default=False)
    reported_at = models.DateTimeField(default=timezone.now)

    objects = TenantQuerySet.as_manager()

    class Meta:
        ordering = ["start", "id"]
        indexes = [
            models.Index(fields=["organisation", "start"]),
            models.Index(fields=["organisation", "recovered_on"]),
            models.Index(fields=["employee", "start"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(recovered_on__isnull=True) | Q(recovered_on__gt=models.F("start")),
                name="period_recovery_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.start:%d-%m-%Y}"

    @property
    def last_sick_day(self) -> datetime.date | None:
        return self.recovered_on - datetime.timedelta(days=1) if self.recovered_on else None


class DegreeChange(models.Model):
    """From this day on the employee is this much absent (a partial recovery); effective-dated, inserted."""

    file = models.ForeignKey(AbsenceFile, on_delete=models.CASCADE, related_name="degrees")
    effective_from = models.DateField(_("from"))
    percentage = models.PositiveSmallIntegerField(
        _("absence (%)"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = FileChildQuerySet.as_manager()

    class Meta:
        ordering = ["effective_from", "id"]

    def __str__(self) -> str:
        return f"{self.percentage}% {self.effective_from:%d-%m-%Y}"


class AbsenceSpell(models.Model):
    """A stretch of days at one degree of absence: the statistics' rollup, rebuilt from a file's periods
    and degree changes on every change of the file (a few rows per file)."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    employee = models.ForeignKey("employees.Employee", on_delete=models.CASCADE, related_name="+")
    file = models.ForeignKey(AbsenceFile, on_delete=models.CASCADE, related_name="spells")
    start = models.DateField()
    end = models.DateField(null=True)  # the last sick day, inclusive; empty while sick
    degree = models.PositiveSmallIntegerField()
    pregnancy = models.BooleanField(default=False)

    objects = TenantQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["organisation", "start", "end"])]

    def __str__(self) -> str:
        return f"{self.start:%d-%m-%Y} {self.degree}%"


class StepRecord(models.Model):
    """A Poortwachter step done (on a date, by someone) or not applicable (with a reason)."""

    file = models.ForeignKey(AbsenceFile, on_delete=models.CASCADE, related_name="step_records")
    step = models.CharField(max_length=40, choices=STEP_CHOICES)
    sequence = models.PositiveSmallIntegerField(default=1)
    done_on = models.DateField(null=True, blank=True)
    not_applicable_reason = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_by_label = models.CharField(max_length=200, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = FileChildQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["file", "step", "sequence"], name="one_record_per_step"),
        ]

    def __str__(self) -> str:
        return f"{self.step} {self.sequence}"

    def as_record(self) -> Record:
        return Record(
            step=Step(self.step),
            sequence=self.sequence,
            done_on=self.done_on,
            by=self.recorded_by_label,
            not_applicable_reason=self.not_applicable_reason,
        )


class PendingStep(models.Model):
    """A step still to do in an open file, with its due date: the task list's rollup, rebuilt from the
    file's course whenever the file changes (the due dates move only then), so the list is one query."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    file = models.ForeignKey(AbsenceFile, on_delete=models.CASCADE, related_name="pending_steps")
    step = models.CharField(max_length=40, choices=STEP_CHOICES)
    sequence = models.PositiveSmallIntegerField(default=1)
    due = models.DateField()
    owner = models.CharField(max_length=30)

    objects = TenantQuerySet.as_manager()

    class Meta:
        ordering = ["due", "id"]
        # The task list reads in due order for a few owners at once; the reminders by due date.
        indexes = [models.Index(fields=["organisation", "due"]), models.Index(fields=["due"])]

    def __str__(self) -> str:
        return f"{self.step} {self.due:%d-%m-%Y}"
