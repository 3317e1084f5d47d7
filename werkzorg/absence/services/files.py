"""Sick reports, relapses, partial and full recovery, and the file's own details (employer side)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from werkzorg.absence.models import (
    PREGNANCY_CASES,
    AbsenceEvent,
    AbsenceFile,
    AbsenceSpell,
    DegreeChange,
    PendingStep,
    SickPeriod,
    StepRecord,
)
from werkzorg.absence.offsets import Step
from werkzorg.absence.statistics import forget_figures
from werkzorg.absence.timeline import compute, continues_period
from werkzorg.access import Actor, Perm, require, scope
from werkzorg.audit.services import record
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.employees.models import Employee
from werkzorg.organisations.models import Membership, PhysicianAuthorisation, Practitioner

# A sick report may be dated back this many days (a report after a weekend, a late one); older ones go
# through the desk, because UWV's deadlines already run.
REPORT_BACK_DAYS = 14
DAY = datetime.timedelta(days=1)


def state_pension_date(date_of_birth: datetime.date) -> datetime.date:
    """The day someone reaches the state-pension age (AOW, art. 7a Algemene Ouderdomswet): 67 years for
    those reaching it up to 2027, 67 years and 3 months from 2028 (as set by the minister in 2023)."""
    at_67 = _add_years(date_of_birth, 67)
    if at_67.year < 2028:
        return at_67
    month = at_67.month + 3
    year = at_67.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return _safe_date(year, month, at_67.day)


def _add_years(day: datetime.date, years: int) -> datetime.date:
    return _safe_date(day.year + years, day.month, day.day)


def _safe_date(year: int, month: int, day: int) -> datetime.date:
    while True:
        try:
            return datetime.date(year, month, day)
        except ValueError:
            day -= 1


def _audit(event: AbsenceEvent, actor: Actor, file: AbsenceFile, detail: str = "") -> None:
    record(event, actor=actor, organisation=file.organisation, subject=file.employee, obj=file, detail=detail)


@dataclass(frozen=True)
class SickReport:
    """What the employer may report: no diagnosis, no complaints (the Dutch DPA's rules)."""

    first_sick_day: datetime.date
    expected_duration: str = ""
    reachable_address: str = ""
    reachable_phone: str = ""
    work_accident: bool = False
    third_party_liable: bool = False
    safety_net: str = ""
    remarks: str = ""


def report_sick(*, actor: Actor, employee: Employee, report: SickReport, today: datetime.date | None = None
                ) -> tuple[AbsenceFile, bool]:  # fmt: skip
    """A new file, or a relapse within four weeks continuing the employee's last file: (file, relapse)."""
    require(actor, Perm.ABSENCE)
    today = today or timezone.localdate()
    first = report.first_sick_day
    if first > today:
        raise DomainError(_("The first sick day cannot be in the future."), field="first_sick_day")
    if first < today - REPORT_BACK_DAYS * DAY:
        raise DomainError(
            _("A sick report can go back %(days)s days at most; for an older one please contact the desk.")
            % {"days": REPORT_BACK_DAYS},
            field="first_sick_day",
        )
    if employee.employment_end is not None and employee.employment_end < first:
        raise DomainError(_("This employee was no longer employed on that day."), field="first_sick_day")
    with transaction.atomic(durable=True):
        employee = Employee.objects.select_for_update().get(pk=employee.pk)
        last = AbsenceFile.objects.filter(employee=employee).order_by("-first_sick_day", "-id").first()
        if last is not None and last.recovered_on is None:
            raise ConflictError(
                _("%(name)s is already reported sick since %(date)s; report a recovery first.")
                % {"name": employee.display_name, "date": date_format(last.first_sick_day, "j F Y")}
            )
        if last is not None and last.recovered_on is not None and first < last.recovered_on:
            raise DomainError(
                _("The first sick day lies before the recovery of %(date)s.")
                % {"date": date_format(last.recovered_on, "j F Y")},
                field="first_sick_day",
            )
        relapse = (
            last is not None and last.recovered_on is not None and continues_period(last.recovered_on, first)
        )
        pregnancy = report.safety_net in PREGNANCY_CASES
        if relapse:
            assert last is not None
            file = last
            file.recovered_on = None
            file.current_degree = 100
            if report.safety_net and not file.safety_net:
                file.safety_net = report.safety_net
            file.save(update_fields=["recovered_on", "current_degree", "safety_net", "updated_at"])
        else:
            file = AbsenceFile.objects.create(
                organisation=employee.organisation,
                employee=employee,
                first_sick_day=first,
                expected_duration=report.expected_duration,
                reachable_address=report.reachable_address,
                reachable_phone=report.reachable_phone,
                work_accident=report.work_accident,
                third_party_liable=report.third_party_liable,
                safety_net=report.safety_net,
                remarks=report.remarks,
                state_pension_age=bool(
                    employee.date_of_birth and state_pension_date(employee.date_of_birth) <= first
                ),
                employment_end=employee.employment_end,
                reported_by=actor.user,
            )
            # Reporting in the portal is the report to the occupational health service (the operator).
            StepRecord.objects.create(
                file=file,
                step=Step.REPORT_TO_OHS,
                done_on=today,
                recorded_by=actor.user,
                recorded_by_label=actor.user.get_full_name() or actor.user.email,
            )
        SickPeriod.objects.create(
            file=file, organisation=file.organisation, employee=employee, start=first, pregnancy=pregnancy
        )
        DegreeChange.objects.create(file=file, effective_from=first, percentage=100, recorded_by=actor.user)
        rebuild_spells(file)
        refresh_pending(file)
        _audit(AbsenceEvent.RELAPSE if relapse else AbsenceEvent.REPORTED_SICK, actor, file)
    return file, relapse


def _open_period(file: AbsenceFile) -> SickPeriod:
    period = file.periods.filter(recovered_on__isnull=True).order_by("-start").first()
    if period is None:
        raise ConflictError(_("This employee has recovered already; report a new sick day instead."))
    return period


def report_partial_recovery(
    *, actor: Actor, file: AbsenceFile, effective_from: datetime.date, percentage: int,
    today: datetime.date | None = None,
) -> DegreeChange:  # fmt: skip
    """From `effective_from` the employee is `percentage` % absent; the Poortwachter clock runs on."""
    require(actor, Perm.ABSENCE)
    today = today or timezone.localdate()
    if not 1 <= percentage <= 99:
        raise DomainError(
            _(
                "Enter the absence that remains, between 1 and 99 %; for full recovery use the recovery report."
            ),
            field="percentage",
        )
    with transaction.atomic(durable=True):
        file = AbsenceFile.objects.select_for_update().get(pk=file.pk)
        period = _open_period(file)
        if effective_from <= period.start or effective_from > today + 14 * DAY:
            raise DomainError(
                _("Choose a date after the first sick day (%(date)s) and at most two weeks ahead.")
                % {"date": date_format(period.start, "j F Y")},
                field="effective_from",
            )
        change = DegreeChange.objects.create(
            file=file, effective_from=effective_from, percentage=percentage, recorded_by=actor.user
        )
        file.current_degree = _degree_on(file, today)
        file.save(update_fields=["current_degree", "updated_at"])
        rebuild_spells(file)
        _audit(AbsenceEvent.PARTIAL_RECOVERY, actor, file, detail=f"{percentage}% from {effective_from}")
    return change


def report_recovery(
    *, actor: Actor, file: AbsenceFile, recovered_on: datetime.date, today: datetime.date | None = None
) -> AbsenceFile:
    """Fully fit from `recovered_on` (the first day back): the period ends; a relapse within four weeks
    continues this file."""
    require(actor, Perm.ABSENCE)
    today = today or timezone.localdate()
    with transaction.atomic(durable=True):
        file = AbsenceFile.objects.select_for_update().get(pk=file.pk)
        period = _open_period(file)
        last_change = file.degrees.order_by("-effective_from").first()
        earliest = max(period.start + DAY, last_change.effective_from + DAY if last_change else period.start)
        if recovered_on < earliest or recovered_on > today + DAY:
            raise DomainError(
                _("Choose a date from %(date)s up to tomorrow: the first day the employee works fully again.")
                % {"date": date_format(earliest, "j F Y")},
                field="recovered_on",
            )
        period.recovered_on = recovered_on
        period.save(update_fields=["recovered_on"])
        file.recovered_on = recovered_on
        file.current_degree = 0
        file.save(update_fields=["recovered_on", "current_degree", "updated_at"])
        rebuild_spells(file)
        refresh_pending(file)
        _audit(AbsenceEvent.RECOVERED, actor, file)
    return file


def _degree_on(file: AbsenceFile, day: datetime.date) -> int:
    change = file.degrees.filter(effective_from__lte=day).order_by("-effective_from", "-id").first()
    return change.percentage if change else 100


def rebuild_spells(file: AbsenceFile) -> None:
    """The statistics' rollup for one file: a row per stretch of sick days at one degree."""
    periods = list(file.periods.order_by("start"))
    changes = list(file.degrees.order_by("effective_from", "id"))
    spells: list[AbsenceSpell] = []
    for period in periods:
        end = period.last_sick_day
        inside = [
            c
            for c in changes
            if c.effective_from >= period.start and (end is None or c.effective_from <= end)
        ]
        for index, change in enumerate(inside):
            following = inside[index + 1].effective_from - DAY if index + 1 < len(inside) else end
            if following is not None and following < change.effective_from:
                continue  # two changes on one day: the later one counts
            spells.append(
                AbsenceSpell(
                    organisation_id=file.organisation_id,
                    employee_id=file.employee_id,
                    file=file,
                    start=change.effective_from,
                    end=following,
                    degree=change.percentage,
                    pregnancy=period.pregnancy,
                )
            )
    AbsenceSpell.objects.filter(file=file).delete()
    AbsenceSpell.objects.bulk_create(spells)
    forget_figures(file.organisation_id)


def refresh_pending(file: AbsenceFile) -> None:
    """The file's steps still to do, for the task list and the reminders; none once recovered. Due dates
    move only when the file changes, so every service that changes a file calls this."""
    PendingStep.objects.filter(file=file).delete()
    if file.recovered_on is not None:
        return
    periods = list(file.periods.order_by("start", "id"))
    records = [r.as_record() for r in file.step_records.all()]
    steps = compute(file.course(periods), records, file.first_sick_day)
    PendingStep.objects.bulk_create(
        PendingStep(organisation_id=file.organisation_id, file=file, step=s.step, sequence=s.sequence, due=s.due,
                    owner=s.owner)
        for s in steps
        if s.is_task and s.due is not None
    )  # fmt: skip


def refresh_ended_employments() -> int:
    """Open files of employees whose employment the register ended (the employees app knows nothing of
    absence): their steps to do are brought up to date; the beat runs this daily, before the reminders.
    The file page and the timeline read the register's date at once."""
    files = AbsenceFile.objects.filter(
        recovered_on__isnull=True, employment_end__isnull=True, employee__employment_end__isnull=False
    ).select_related("employee")
    count = 0
    for file in files.iterator(chunk_size=500):
        refresh_pending(file)
        count += 1
    return count


def case_managers(actor: Actor) -> list[Any]:
    """Who may be named case manager: the organisation's members with the absence role."""
    members = scope(Membership, actor).filter(role_absence=True, user__is_active=True)
    return [m.user for m in members.select_related("user").order_by("user__full_name", "user__email")]


def authorised_practitioners(actor: Actor) -> list[Practitioner]:
    authorisations = scope(PhysicianAuthorisation.objects.active(), actor).select_related("practitioner")
    return [a.practitioner for a in authorisations.order_by("practitioner__name")]


FILE_FIELDS = (
    "expected_duration",
    "reachable_address",
    "reachable_phone",
    "work_accident",
    "third_party_liable",
    "recovery_consent_on",
    "safety_net",
    "state_pension_age",
    "employment_end",
    "case_manager",
    "practitioner",
    "remarks",
)


def update_file(*, actor: Actor, file: AbsenceFile, changes: dict[str, Any]) -> AbsenceFile:
    """The file's details; only the fields the employer may hold, each checked, one audit row."""
    require(actor, Perm.ABSENCE)
    unknown = set(changes) - set(FILE_FIELDS)
    if unknown:
        raise DomainError(_("These details cannot be changed here."))
    manager = changes.get("case_manager")
    if manager is not None and manager.pk not in {u.pk for u in case_managers(actor)}:
        raise DomainError(_("The case manager must be a user with the absence role."), field="case_manager")
    practitioner = changes.get("practitioner")
    if practitioner is not None and practitioner.pk not in {p.pk for p in authorised_practitioners(actor)}:
        raise DomainError(_("Choose a physician your organisation authorised."), field="practitioner")
    if changes.get("recovery_consent_on") and not changes.get("third_party_liable", file.third_party_liable):
        raise DomainError(
            _("Consent to recover costs only applies when a third party is liable."),
            field="recovery_consent_on",
        )
    end = changes.get("employment_end")
    if end is not None and end < file.first_sick_day:
        raise DomainError(_("The employment cannot end before the first sick day."), field="employment_end")
    with transaction.atomic(durable=True):
        locked = AbsenceFile.objects.select_for_update().get(pk=file.pk)
        changed = [name for name, value in changes.items() if getattr(locked, name) != value]
        for name in changed:
            setattr(locked, name, changes[name])
        if changed:
            locked.save(update_fields=[*changed, "updated_at"])
            refresh_pending(locked)
            _audit(AbsenceEvent.FILE_CHANGED, actor, locked, detail="changed: " + ", ".join(changed))
    return locked


def frequent_absence(employee: Employee, today: datetime.date) -> int | None:
    """The number of sick reports in the window when it reaches the threshold (frequent absence)."""
    months = settings.ABSENCE_FREQUENT_MONTHS
    months_back = today.year * 12 + today.month - 1 - months
    since = _safe_date(months_back // 12, months_back % 12 + 1, today.day)
    count = SickPeriod.objects.filter(employee=employee, start__gt=since, start__lte=today).count()
    return count if count >= settings.ABSENCE_FREQUENT_REPORTS else None
