"""Reads of absence files: lists, one file with its timeline (audited), the task list per role."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from django.db.models import Prefetch, Q, QuerySet

from werkzorg.absence.models import (
    AbsenceEvent,
    AbsenceFile,
    Consult,
    ConsultStatus,
    PendingStep,
    PlanDocument,
    SickPeriod,
    StepRecord,
)
from werkzorg.absence.offsets import EMPLOYER_OWNERS, OWNER_LABELS, PHYSICIAN_OWNERS, Owner, Step, step_label
from werkzorg.absence.services.files import frequent_absence
from werkzorg.absence.timeline import TimelineStep, compute, next_steps
from werkzorg.access import Actor, Perm, can, get_or_404, require, scope
from werkzorg.audit.services import record
from werkzorg.core.names import person_name
from werkzorg.core.ordering import sorted_rows

# Rows per section of the task list (earliest first); the page says how many more there are, which "my
# files" or the files list narrows down.
TASK_ROWS = 50


def _with_course(files: QuerySet[AbsenceFile]) -> QuerySet[AbsenceFile]:
    """Two more statements for any number of files: their periods and their recorded steps."""
    return files.prefetch_related(
        Prefetch("periods", queryset=SickPeriod.objects.order_by("start", "id")),
        Prefetch("step_records", queryset=StepRecord.objects.all()),
    )


def timeline_of(file: AbsenceFile, today: datetime.date) -> list[TimelineStep]:
    periods = list(file.periods.all())
    return compute(file.course(periods), [r.as_record() for r in file.step_records.all()], today)


def list_files(actor: Actor, *, state: str = "open", mine: bool = False) -> QuerySet[AbsenceFile]:
    require(actor, Perm.VIEW_ABSENCE)
    files = scope(AbsenceFile, actor).select_related("employee", "case_manager")
    if state == "open":
        files = files.filter(recovered_on__isnull=True)
    elif state == "recovered":
        files = files.filter(recovered_on__isnull=False)
    if mine:
        files = files.filter(case_manager=actor.user)
    return _with_course(files).order_by("-first_sick_day", "-id")


@dataclass
class FileRow:
    file: AbsenceFile
    next_step: TimelineStep | None
    overdue: int


def rows_with_next_step(files: Iterable[AbsenceFile], today: datetime.date) -> list[FileRow]:
    rows = []
    for file in files:
        steps = timeline_of(file, today)
        upcoming = next_steps(steps)
        rows.append(
            FileRow(
                file, upcoming[0] if upcoming else None, sum(1 for s in upcoming if s.due and s.due < today)
            )
        )
    return rows


def get_file(actor: Actor, file_id: int) -> AbsenceFile:
    require(actor, Perm.VIEW_ABSENCE)
    file: AbsenceFile = get_or_404(
        AbsenceFile.objects.select_related("employee", "organisation", "case_manager", "practitioner"),
        actor,
        pk=file_id,
    )
    return file


def file_page(actor: Actor, file_id: int, today: datetime.date) -> dict[str, Any]:
    """Everything the file's page shows, none of it medical; the read is audited (NEN 7513).

    Only what the page shows is read: no organisation (the actor's), of a practitioner the name. Each
    related model's every column cost the page more to compile and build than to fetch (measured)."""
    require(actor, Perm.VIEW_ABSENCE)
    file: AbsenceFile = get_or_404(
        AbsenceFile.objects.select_related("employee", "case_manager", "practitioner").only(
            *(field.name for field in AbsenceFile._meta.concrete_fields), *FILE_PEOPLE_FIELDS
        ),
        actor,
        pk=file_id,
    )
    # A file has a few of each, in the models' order (the plans by kind, then number).
    periods = sorted_rows(file.periods.all(), key=lambda period: (period.start, period.pk))
    records = [r.as_record() for r in file.step_records.all()]
    steps = compute(file.course(periods), records, today)
    record(AbsenceEvent.FILE_READ, actor=actor, subject=file.employee, obj=file)
    return {
        "file": file,
        "periods": periods,
        "degrees": sorted_rows(file.degrees.all(), key=lambda degree: (degree.effective_from, degree.pk)),
        "steps": steps,
        "plans": sorted_rows(file.plans.all(), key=lambda plan: (plan.kind, plan.sequence)),
        "advices": sorted_rows(
            file.advices.select_related("practitioner").only(*ADVICE_FIELDS),
            key=lambda advice: (advice.given_on, advice.pk),
            reverse=True,
        ),
        "consults": sorted_rows(
            scope(Consult, actor).filter(file=file).select_related("practitioner").only(*CONSULT_FIELDS),
            key=lambda consult: (consult.starts_at, consult.pk),
        ),
        "frequent": frequent_absence(file.employee, today),
    }


# What the file's page shows of its employee, case manager (not the whole user row with its password hash)
# and physician.
FILE_PEOPLE_FIELDS = (
    "employee__first_name",
    "employee__name_prefix",
    "employee__last_name",
    "employee__employee_number",
    "employee__employment_end",
    "case_manager__full_name",
    "case_manager__email",
    "practitioner__name",
)
# What the file's page shows of an advice and a consult.
ADVICE_FIELDS = (
    "file",
    "given_on",
    "can_do",
    "cannot_do",
    "expected_return",
    "plan_advice",
    "practitioner__name",
)
CONSULT_FIELDS = ("file", "kind", "starts_at", "status", "chargeable", "practitioner__name")


def plans_for_employee(file: AbsenceFile) -> list[PlanDocument]:
    return list(file.plans.order_by("kind", "sequence"))


@dataclass(frozen=True, slots=True)
class Task:
    """A row of the task list as plain values: a hundred rows of four model instances each (step, file,
    employee, case manager) cost the page more than reading them (measured)."""

    file_id: int
    step: str
    sequence: int
    due: datetime.date
    owner: str
    first_name: str
    name_prefix: str
    last_name: str
    case_manager_name: str | None
    case_manager_email: str | None
    # The values read for a row, in the order of the fields above.
    columns: ClassVar[tuple[str, ...]] = (
        "file_id",
        "step",
        "sequence",
        "due",
        "owner",
        "file__employee__first_name",
        "file__employee__name_prefix",
        "file__employee__last_name",
        "file__case_manager__full_name",
        "file__case_manager__email",
    )

    @property
    def label(self) -> str:
        return step_label(Step(self.step), self.sequence)

    @property
    def owner_label(self) -> str:
        return str(OWNER_LABELS[Owner(self.owner)])

    @property
    def employee_name(self) -> str:
        return person_name(self.first_name, self.name_prefix, self.last_name)

    @property
    def case_manager(self) -> str | None:
        """The case manager's name (or address), None when the file has none."""
        return self.case_manager_name or self.case_manager_email


def task_list(actor: Actor, today: datetime.date, *, mine: bool = False) -> dict[str, Any]:
    """Overdue and upcoming steps across the open files, for the actor's role: the employer's and case
    manager's steps for the absence role, the physician's steps and planned consults for a physician.
    One query on the maintained rollup of steps to do (`PendingStep`), whatever the number of files."""
    require(actor, Perm.VIEW_ABSENCE)
    owners: set[Owner] = set()
    if can(actor, Perm.ABSENCE):
        owners |= EMPLOYER_OWNERS
    if can(actor, Perm.MEDICAL_DATA):
        owners |= PHYSICIAN_OWNERS
    pending = (
        # Only open files have steps to do (refresh_pending clears a file's on recovery): no join needed.
        scope(PendingStep, actor).filter(owner__in=sorted(owners)).order_by("due", "id")
    )
    if mine:
        pending = pending.filter(file__case_manager=actor.user)
    consults = (
        scope(Consult, actor)
        .filter(status=ConsultStatus.PLANNED)
        .filter(Q(practitioner__user=actor.user) | Q(practitioner__assistants__user=actor.user))
        .select_related("employee")
        .order_by("starts_at")[:TASK_ROWS]
        if can(actor, Perm.MEDICAL_DATA)
        else []
    )
    overdue, upcoming = pending.filter(due__lt=today), pending.filter(due__gte=today)
    return {
        "overdue": [Task(*row) for row in overdue.values_list(*Task.columns)[:TASK_ROWS]],
        "upcoming": [Task(*row) for row in upcoming.values_list(*Task.columns)[:TASK_ROWS]],
        "overdue_total": overdue.count(),
        "upcoming_total": upcoming.count(),
        "consults": consults,
    }
