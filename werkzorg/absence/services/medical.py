"""The physician's work: consults, medical records (medical permission only), work-related advice for
the employer, information from treating physicians (with consent) and the medical file for transfer."""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.absence.models import (
    AbsenceEvent,
    AbsenceFile,
    Consult,
    ConsultKind,
    ConsultStatus,
    InformationRequest,
    MedicalRecord,
    MedicalRecordKind,
    StepRecord,
    WorkAdvice,
)
from werkzorg.absence.offsets import Step
from werkzorg.absence.services.files import authorised_practitioners, refresh_pending
from werkzorg.access import Actor, Perm, can, require, scope
from werkzorg.audit.services import record
from werkzorg.core.crypto import encrypt
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.core.workdays import working_days_between
from werkzorg.employees.models import Employee
from werkzorg.notifications.services import send_email
from werkzorg.organisations.models import Practitioner

# A consult cancelled at least this many working days ahead is free; later, or not attended, is charged
# (the same rule as for the appointments of interventions).
FREE_CANCELLATION_WORKING_DAYS = 2
# What a medical record of a kind completes on the timeline.
RECORD_STEPS = {MedicalRecordKind.PROBLEM_ANALYSIS: Step.PROBLEM_ANALYSIS}


def practitioner_of(actor: Actor) -> Practitioner:
    """The physician acting, or for whom a practice assistant acts (medical permission: authorised for the
    actor's organisation)."""
    require(actor, Perm.MEDICAL_DATA)
    # The physician, or the physician a practice assistant works for (records are in the physician's name).
    practitioner = Practitioner.objects.filter(Q(user=actor.user) | Q(assistants__user=actor.user)).first()
    if practitioner is None:
        raise DomainError(_("Only an occupational physician can do this."))
    return practitioner


def plan_consult(
    *, actor: Actor, employee: Employee, file: AbsenceFile | None, kind: ConsultKind, starts_at: datetime.datetime,
    practitioner: Practitioner | None = None,
) -> Consult:  # fmt: skip
    """Planned by the physician, or by the employer's absence role with one of its authorised physicians."""
    if can(actor, Perm.MEDICAL_DATA):
        practitioner = practitioner_of(actor)
    else:
        require(actor, Perm.ABSENCE)
        if practitioner is None or practitioner.pk not in {p.pk for p in authorised_practitioners(actor)}:
            raise DomainError(_("Choose a physician your organisation authorised."), field="practitioner")
    if starts_at <= timezone.now():
        raise DomainError(_("A consult is planned in the future."), field="starts_at")
    if kind != ConsultKind.PREVENTION and file is None:
        raise DomainError(_("Only a prevention consult is planned without a sick report."), field="kind")
    with transaction.atomic(durable=True):
        consult = Consult.objects.create(
            organisation=employee.organisation, employee=employee, file=file, practitioner=practitioner,
            kind=kind, starts_at=starts_at, planned_by=actor.user,
        )  # fmt: skip
        record(AbsenceEvent.CONSULT_PLANNED, actor=actor, subject=employee, obj=consult, detail=str(kind))
        if employee.email:
            send_email(
                employee.email,
                "absence_consult_planned",
                {"name": employee.first_name, "consult": consult, "physician": practitioner.name,
                 "organisation": employee.organisation.name},
            )  # fmt: skip
    return consult


def change_consult(*, actor: Actor, consult: Consult, status: ConsultStatus) -> Consult:
    """Held or no-show (the physician), cancelled (physician or employer): late cancellation is charged."""
    allowed = {ConsultStatus.HELD, ConsultStatus.NO_SHOW, ConsultStatus.CANCELLED}
    if status not in allowed:
        raise DomainError(_("This step is not possible."))
    if status != ConsultStatus.CANCELLED or not can(actor, Perm.ABSENCE):
        require(actor, Perm.MEDICAL_DATA)
    now = timezone.now()
    with transaction.atomic(durable=True):
        consult = Consult.objects.select_for_update().get(pk=consult.pk)
        if consult.status != ConsultStatus.PLANNED:
            raise ConflictError(_("This consult is no longer planned."))
        if status in {ConsultStatus.HELD, ConsultStatus.NO_SHOW} and consult.starts_at > now:
            raise ConflictError(_("A consult can be marked held or missed once its time has come."))
        ahead = working_days_between(timezone.localdate(now), timezone.localdate(consult.starts_at))
        consult.chargeable = status == ConsultStatus.NO_SHOW or (
            status == ConsultStatus.CANCELLED and ahead < FREE_CANCELLATION_WORKING_DAYS
        )
        consult.status = status
        consult.status_changed_at = now
        consult.save(update_fields=["status", "status_changed_at", "chargeable", "updated_at"])
        record(
            AbsenceEvent.CONSULT_CHANGED,
            actor=actor,
            subject=consult.employee,
            obj=consult,
            detail=str(status),
        )
    return consult


def write_medical_record(
    *, actor: Actor, file: AbsenceFile, kind: MedicalRecordKind, body: str, consult: Consult | None = None,
    today: datetime.date | None = None,
) -> MedicalRecord:  # fmt: skip
    practitioner = practitioner_of(actor)
    if not body.strip():
        raise DomainError(_("Write the note."), field="body")
    with transaction.atomic(durable=True):
        made = MedicalRecord(
            organisation=file.organisation, employee=file.employee, file=file, consult=consult,
            practitioner=practitioner, kind=kind, written_by=actor.user,
        )  # fmt: skip
        made.body = body.strip()
        made.save()
        step = RECORD_STEPS.get(kind)
        if step is not None:
            StepRecord.objects.get_or_create(
                file=file, step=step, sequence=1,
                defaults={"done_on": today or timezone.localdate(), "recorded_by": actor.user,
                          "recorded_by_label": practitioner.name},
            )  # fmt: skip
        refresh_pending(file)
        record(AbsenceEvent.MEDICAL_WRITTEN, actor=actor, subject=file.employee, obj=file, detail=str(kind))
    return made


def medical_records(*, actor: Actor, file: AbsenceFile) -> list[MedicalRecord]:
    """The physician's own view; reading is audited (NEN 7513), the text never goes into the log."""
    require(actor, Perm.MEDICAL_DATA)
    found = list(scope(MedicalRecord, actor).filter(file=file).select_related("practitioner"))
    record(AbsenceEvent.MEDICAL_READ, actor=actor, subject=file.employee, obj=file)
    return found


def information_requests(*, actor: Actor, file: AbsenceFile) -> list[InformationRequest]:
    require(actor, Perm.MEDICAL_DATA)
    return list(scope(InformationRequest, actor).filter(file=file))


def request_information(
    *, actor: Actor, file: AbsenceFile, addressed_to: str, question: str, consent_given_on: datetime.date | None,
    consent_scope: str,
) -> InformationRequest:  # fmt: skip
    """Only with the employee's recorded consent (date and scope); without it nothing is asked."""
    practitioner = practitioner_of(actor)
    if consent_given_on is None or not consent_scope.strip():
        raise DomainError(
            _("Record the employee's consent (date and what it covers) before asking a treating physician."),
            field="consent_given_on",
        )
    if consent_given_on > timezone.localdate():
        raise DomainError(_("The consent cannot be dated in the future."), field="consent_given_on")
    with transaction.atomic(durable=True):
        made = InformationRequest.objects.create(
            organisation=file.organisation, employee=file.employee, file=file, practitioner=practitioner,
            addressed_to=addressed_to.strip(), question_encrypted=encrypt(question.strip()),
            consent_given_on=consent_given_on, consent_scope=consent_scope.strip(), requested_by=actor.user,
        )  # fmt: skip
        record(AbsenceEvent.INFORMATION_REQUESTED, actor=actor, subject=file.employee, obj=file)
    return made


def give_advice(
    *, actor: Actor, file: AbsenceFile, can_do: str, cannot_do: str, expected_return: str, plan_advice: str,
    today: datetime.date | None = None,
) -> WorkAdvice:  # fmt: skip
    """Work-related advice, written for the employer: abilities and limits, never a diagnosis."""
    practitioner = practitioner_of(actor)
    with transaction.atomic(durable=True):
        advice = WorkAdvice.objects.create(
            file=file, practitioner=practitioner, given_on=today or timezone.localdate(), can_do=can_do.strip(),
            cannot_do=cannot_do.strip(), expected_return=expected_return.strip(), plan_advice=plan_advice.strip(),
            written_by=actor.user,
        )  # fmt: skip
        record(AbsenceEvent.ADVICE_GIVEN, actor=actor, subject=file.employee, obj=file)
        if file.case_manager is not None and file.case_manager.email:
            send_email(
                file.case_manager.email,
                "absence_advice_given",
                {
                    "url": f"{settings.SITE_URL}/o/{file.organisation.slug}/verzuim/{file.pk}/",
                    "organisation": file.organisation.name,
                },
            )
    return advice


def export_medical_file(*, actor: Actor, file: AbsenceFile) -> bytes:
    """Everything the physician holds on the file, for transfer to another occupational health service."""
    require(actor, Perm.MEDICAL_DATA)
    practitioner_of(actor)
    records = (
        scope(MedicalRecord, actor).filter(file=file).select_related("practitioner").order_by("created_at")
    )
    requests = scope(InformationRequest, actor).filter(file=file).order_by("created_at")
    employee = file.employee
    content: dict[str, Any] = {
        "format": "werkzorg-medical-file/1",
        "exported_at": timezone.now().isoformat(),
        "employee": {
            "employee_number": employee.employee_number,
            "name": employee.display_name,
            "date_of_birth": employee.date_of_birth.isoformat() if employee.date_of_birth else None,
        },
        "periods": [
            {
                "start": p.start.isoformat(),
                "recovered_on": p.recovered_on.isoformat() if p.recovered_on else None,
            }
            for p in file.periods.order_by("start")
        ],
        "consults": [
            {"kind": c.kind, "at": c.starts_at.isoformat(), "status": c.status}
            for c in scope(Consult, actor).filter(file=file).order_by("starts_at")
        ],
        "medical_records": [
            {
                "kind": r.kind,
                "written_at": r.created_at.isoformat(),
                "by": r.practitioner.name,
                "text": r.body,
            }
            for r in records
        ],
        "information_requests": [
            {
                "addressed_to": r.addressed_to,
                "question": r.question,
                "consent_given_on": r.consent_given_on.isoformat(),
                "consent_scope": r.consent_scope,
            }
            for r in requests
        ],
        "work_advice": [
            {
                "given_on": a.given_on.isoformat(),
                "can_do": a.can_do,
                "cannot_do": a.cannot_do,
                "expected_return": a.expected_return,
                "plan_advice": a.plan_advice,
            }
            for a in file.advices.order_by("given_on")
        ],
    }
    record(AbsenceEvent.MEDICAL_EXPORTED, actor=actor, subject=employee, obj=file)
    return json.dumps(content, ensure_ascii=False, indent=2).encode()
