"""Poortwachter steps recorded, the plan of action and its evaluations, and the employee's link."""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from werkzorg.absence.models import PLAN_STEPS, AbsenceEvent, AbsenceFile, PlanDocument, PlanKind, StepRecord
from werkzorg.absence.offsets import PHYSICIAN_OWNERS, RULES, Step
from werkzorg.absence.services.files import refresh_pending
from werkzorg.access import Actor, Perm, can, require
from werkzorg.audit.services import record
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.notifications.services import send_email

LINK_SALT = "werkzorg.absence.employee"


def _label(actor: Actor) -> str:
    return actor.user.get_full_name() or actor.user.email


def may_record(actor: Actor, step: Step) -> bool:
    """The physician records the physician's steps, the absence role the others; milestones nobody."""
    rule = RULES[step]
    if rule.milestone:
        return False
    if rule.owner in PHYSICIAN_OWNERS:
        return can(actor, Perm.MEDICAL_DATA)
    return can(actor, Perm.ABSENCE)


def record_step(
    *,
    actor: Actor,
    file: AbsenceFile,
    step: Step,
    sequence: int = 1,
    done_on: datetime.date | None = None,
    not_applicable_reason: str = "",
    today: datetime.date | None = None,
) -> StepRecord:
    """Done on a date, or not applicable with a reason; a later record of the same step replaces it."""
    require(actor, Perm.VIEW_ABSENCE)
    if not may_record(actor, step):
        raise DomainError(_("This step is not yours to record."))
    today = today or timezone.localdate()
    reason = not_applicable_reason.strip()
    if (done_on is None) == (not reason):
        raise DomainError(_("Give either the date it was done or the reason it does not apply."))
    if done_on is not None and not file.first_sick_day <= done_on <= today:
        raise DomainError(
            _("Choose a date from the first sick day (%(date)s) up to today.")
            % {"date": date_format(file.first_sick_day, "j F Y")},
            field="done_on",
        )
    with transaction.atomic(durable=True):
        saved, _created = StepRecord.objects.update_or_create(
            file=file,
            step=step,
            sequence=sequence,
            defaults={
                "done_on": done_on,
                "not_applicable_reason": reason[:300],
                "recorded_by": actor.user,
                "recorded_by_label": _label(actor),
                "recorded_at": timezone.now(),
            },
        )
        refresh_pending(file)
        record(
            AbsenceEvent.STEP_RECORDED,
            actor=actor,
            organisation=file.organisation,
            subject=file.employee,
            obj=file,
            detail=f"{step}:{sequence}:{'done' if done_on else 'not applicable'}",
        )
    return saved


def next_sequence(file: AbsenceFile, kind: PlanKind) -> int:
    if kind != PlanKind.EVALUATION:
        return 1
    last = file.plans.filter(kind=kind).order_by("-sequence").first()
    return last.sequence + 1 if last else 1


def write_plan(
    *, actor: Actor, file: AbsenceFile, kind: PlanKind, goal: str, agreements: str, case_manager_name: str
) -> PlanDocument:
    """The plan of action (or an evaluation) as agreed; it counts as done once both have signed."""
    require(actor, Perm.ABSENCE)
    if kind == PlanKind.EVALUATION and not file.plans.filter(kind=PlanKind.PLAN).exists():
        raise ConflictError(_("Write the plan of action first; evaluations follow it."))
    with transaction.atomic(durable=True):
        sequence = next_sequence(file, kind)
        if PlanDocument.objects.filter(file=file, kind=kind, sequence=sequence).exists():
            raise ConflictError(_("This document exists already; sign it or write the next evaluation."))
        plan = PlanDocument.objects.create(
            file=file,
            kind=kind,
            sequence=sequence,
            goal=goal.strip(),
            agreements=agreements.strip(),
            case_manager_name=case_manager_name.strip(),
            written_by=actor.user,
        )
        record(
            AbsenceEvent.PLAN_WRITTEN, actor=actor, organisation=file.organisation, subject=file.employee, obj=file,
            detail=f"{kind}:{sequence}",
        )  # fmt: skip
    return plan


def _complete_if_signed(plan: PlanDocument, by_label: str) -> None:
    signed = plan.signed_on
    if signed is None:
        return
    StepRecord.objects.update_or_create(
        file=plan.file,
        step=PLAN_STEPS[PlanKind(plan.kind)],
        sequence=plan.sequence,
        defaults={"done_on": signed, "not_applicable_reason": "", "recorded_by_label": by_label},
    )
    refresh_pending(plan.file)


def sign_as_employer(*, actor: Actor, plan: PlanDocument, today: datetime.date | None = None) -> PlanDocument:
    require(actor, Perm.ABSENCE)
    with transaction.atomic(durable=True):
        plan = PlanDocument.objects.select_for_update().select_related("file").get(pk=plan.pk)
        if plan.employer_signed_on:
            raise ConflictError(_("You signed this document already."))
        plan.employer_signed_on = today or timezone.localdate()
        plan.employer_signed_by = actor.user
        plan.save(update_fields=["employer_signed_on", "employer_signed_by"])
        _complete_if_signed(plan, _label(actor))
        record(
            AbsenceEvent.PLAN_SIGNED, actor=actor, organisation=plan.file.organisation, subject=plan.file.employee,
            obj=plan.file, detail=f"employer:{plan.kind}:{plan.sequence}",
        )  # fmt: skip
    return plan


def sign_as_employee(*, token: str, plan_id: int, today: datetime.date | None = None) -> PlanDocument:
    """Signed through the employee's link (no account): the link names the file, the plan must be in it."""
    with transaction.atomic(durable=True):
        file = resolve_link(token)
        plan = PlanDocument.objects.select_for_update().filter(file=file, pk=plan_id).first()
        if plan is None:
            raise InvalidLink(_("This link is not valid (any more)."))
        if plan.employee_signed_on:
            raise ConflictError(_("You signed this document already."))
        plan.employee_signed_on = today or timezone.localdate()
        plan.save(update_fields=["employee_signed_on"])
        _complete_if_signed(plan, str(_("employee")))
        record(
            AbsenceEvent.PLAN_SIGNED, role="employee", organisation=file.organisation, subject=file.employee,
            obj=file, detail=f"employee:{plan.kind}:{plan.sequence}",
        )  # fmt: skip
    return plan


class InvalidLink(DomainError):
    """An absence link that expired, was replaced, or was tampered with."""


def employee_link(file: AbsenceFile) -> str:
    token = signing.dumps({"f": file.pk, "n": file.link_nonce}, salt=LINK_SALT, compress=True)
    return f"{settings.SITE_URL}/verzuim/{token}/"


def send_employee_link(*, actor: Actor, file: AbsenceFile) -> str:
    """A new link for the employee (any earlier one stops working), by e-mail; the mail names no detail."""
    require(actor, Perm.ABSENCE)
    if not file.employee.email:
        raise DomainError(_("The employee has no e-mail address in the register; add it there first."))
    with transaction.atomic(durable=True):
        locked = AbsenceFile.objects.select_for_update().get(pk=file.pk)
        locked.link_nonce = secrets.token_hex(16)
        locked.save(update_fields=["link_nonce", "updated_at"])
        url = employee_link(locked)
        send_email(
            file.employee.email,
            "absence_employee_link",
            {"name": file.employee.first_name, "organisation": file.organisation.name, "url": url,
             "days": settings.ABSENCE_LINK_DAYS},
        )  # fmt: skip
        record(
            AbsenceEvent.LINK_SENT,
            actor=actor,
            organisation=file.organisation,
            subject=file.employee,
            obj=file,
        )
    return url


def open_link(token: str, *, purpose: str = "") -> AbsenceFile:
    """The employee opens the link (or downloads the copy): the file, and the read in the audit log."""
    file = resolve_link(token)
    record(
        AbsenceEvent.EMPLOYEE_LINK_OPENED, role="employee", organisation=file.organisation, subject=file.employee,
        obj=file, detail=purpose,
    )  # fmt: skip
    return file


def resolve_link(token: str) -> AbsenceFile:
    """The file a link points at; expired, replaced and tampered links are refused alike."""
    try:
        data = signing.loads(token, salt=LINK_SALT, max_age=settings.ABSENCE_LINK_DAYS * 86400)
    except signing.BadSignature as exc:
        raise InvalidLink(_("This link is not valid (any more).")) from exc
    file = (
        AbsenceFile.objects.select_related("employee", "organisation", "practitioner", "case_manager")
        .filter(pk=data.get("f"))
        .first()
    )
    if (
        file is None
        or not file.link_nonce
        or not secrets.compare_digest(file.link_nonce, str(data.get("n", "")))
    ):
        raise InvalidLink(_("This link is not valid (any more)."))
    return file
