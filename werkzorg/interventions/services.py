"""Every write of the intervention workflow: request, consent, provider work, extension, survey.

The employee's personal data reaches the provider only after consent, and is erased (not hidden)
when consent is refused, expires or is withdrawn, or the request is cancelled.
"""

from __future__ import annotations

import datetime
import secrets
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, can, require
from werkzorg.access.policy import describe_role
from werkzorg.audit.models import AuditEventType
from werkzorg.audit.services import record
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.core.tabular import write_xlsx
from werkzorg.core.workdays import working_days_between
from werkzorg.employees.models import Employee
from werkzorg.interventions import workflow
from werkzorg.interventions.models import (
    Appointment,
    AppointmentStatus,
    CancelReason,
    ConsentDecision,
    ConsentRecord,
    Extension,
    ExtensionStatus,
    Intervention,
    InterventionRequest,
    RequestStatus,
    StatusEvent,
    SurveyResponse,
)
from werkzorg.interventions.workflow import Actor as Role
from werkzorg.notifications.services import send_email
from werkzorg.organisations.models import Collectivity, Membership, Organisation

CONSENT_TEXT_VERSION = "2026.1"
CONSENT_SALT = "werkzorg.interventions.consent"
WITHDRAW_SALT = "werkzorg.interventions.withdraw"
SURVEY_SALT = "werkzorg.interventions.survey"
FREE_CANCELLATION_WORKING_DAYS = 2  # seed 003: free up to 2 working days ahead


class InvalidLink(DomainError):
    """A consent, withdrawal or survey link that is expired, used, or tampered with."""


def consent_scope(request: InterventionRequest) -> str:
    return (
        f"name, e-mail and mobile number (and the requester's note) to {request.provider.name} "
        f"for {request.intervention.title}, number {request.number}"
    )[:300]


def _site(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _token(request: InterventionRequest, nonce: str, salt: str) -> str:
    return signing.dumps({"r": request.pk, "n": nonce}, salt=salt, compress=True)


def consent_url(request: InterventionRequest) -> str:
    return _site(f"/toestemming/{_token(request, request.consent_nonce, CONSENT_SALT)}/")


def withdraw_url(request: InterventionRequest) -> str:
    return _site(f"/toestemming/intrekken/{_token(request, request.consent_nonce, WITHDRAW_SALT)}/")


def survey_url(request: InterventionRequest) -> str:
    return _site(f"/enquete/{_token(request, request.survey_nonce, SURVEY_SALT)}/")


def resolve_link(token: str, salt: str, *, lock: bool = False) -> InterventionRequest:
    """The request a signed link points at; refuses expired, reused (nonce gone) and tampered links alike."""
    max_age = (
        settings.SURVEY_LINK_DAYS if salt == SURVEY_SALT else settings.INTERVENTION_CONSENT_DAYS + 30
    ) * 86400
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature as exc:  # SignatureExpired is a BadSignature too
        raise InvalidLink(_("This link is not valid (any more).")) from exc
    queryset = InterventionRequest.objects.select_related("intervention", "provider", "organisation")
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    found = queryset.filter(pk=data.get("r")).first()
    nonce = (found.survey_nonce if salt == SURVEY_SALT else found.consent_nonce) if found else ""
    if found is None or not nonce or not secrets.compare_digest(nonce, str(data.get("n", ""))):
        raise InvalidLink(_("This link is not valid (any more)."))
    return found


def _event(request: InterventionRequest, status: str, by: Any = None) -> None:
    StatusEvent.objects.create(
        request=request,
        status=status,
        by=by if by is not None and by.is_authenticated else None,
    )


def _audit(
    event: AuditEventType, request: InterventionRequest, *, actor: Actor | None = None, detail: str = ""
) -> None:
    record(
        event,
        user=actor.user if actor else None,
        role=describe_role(actor) if actor else "employee",
        organisation=request.organisation,
        obj=request,
        detail=detail,
    )


def _erase_personal_data(request: InterventionRequest) -> None:
    request.employee = None
    request.employee_name = ""
    request.employee_email = ""
    request.employee_phone = ""
    request.note_for_provider = ""
    request.consent_nonce = ""
    request.survey_nonce = ""
    request.personal_data_erased_at = timezone.now()


def _provider_contacts(provider: Organisation) -> list[str]:
    return list(
        Membership.objects.filter(organisation=provider, user__is_active=True).values_list(
            "user__email", flat=True
        )
    )


def _tell_requester(request: InterventionRequest, template: str) -> None:
    send_email(
        request.requested_by.email,
        template,
        {"request": request, "url": _site(f"/o/{request.organisation.slug}/interventies/{request.pk}/")},
    )


def _tell_provider(request: InterventionRequest, template: str) -> None:
    for email in _provider_contacts(request.provider):
        send_email(
            email,
            template,
            {"request": request, "url": _site(f"/o/{request.provider.slug}/werklijst/{request.pk}/")},
        )


# --- The employer's request -------------------------------------------------------------------


def submit_request(
    *,
    actor: Actor,
    intervention: Intervention,
    collectivity: Collectivity,
    provider: Organisation,
    employee: Employee | None,
    name: str,
    email: str,
    phone: str,
    note: str,
    submit_token: str,
    language: str = "nl",
) -> InterventionRequest:
    """Request an intervention for an employee; the employee is asked for consent before anything is forwarded."""
    require(actor, Perm.REQUEST_INTERVENTIONS)
    if collectivity.organisation_id != actor.organisation.pk:
        raise DomainError(_("Choose a collectivity of your organisation."), field="collectivity")
    if not intervention.is_active or not intervention.providers.filter(pk=provider.pk).exists():
        raise DomainError(_("This provider does not offer this intervention."), field="provider")
    if employee is not None and employee.organisation_id != actor.organisation.pk:
        raise DomainError(_("Choose an employee of your organisation."), field="employee")
    existing = (
        InterventionRequest.objects.for_org(actor.organisation).filter(submit_token=submit_token).first()
    )
    if existing is not None:
        return existing  # a double-clicked or replayed submit
    now = timezone.now()
    try:
        with transaction.atomic():
            request = InterventionRequest.objects.create(
                number=f"tmp-{secrets.token_hex(6)}",
                organisation=actor.organisation,
                collectivity=collectivity,
                intervention=intervention,
                provider=provider,
                category=intervention.category,
                requested_by=actor.user,
                requested_as_physician=actor.membership is None and actor.physician_authorisation is not None,
                employee=employee,
                employee_name=name.strip(),
                employee_email=email.strip().lower(),
                employee_phone=phone,
                note_for_provider=note.strip(),
                language=language if language in dict(settings.LANGUAGES) else "nl",
                consent_nonce=secrets.token_hex(16),
                consent_due_at=now + datetime.timedelta(days=settings.INTERVENTION_CONSENT_DAYS),
                submit_token=submit_token,
            )
            request.number = f"IV{now:%Y}-{request.pk:06d}"
            request.save(update_fields=["number"])
            _event(request, RequestStatus.AWAITING_CONSENT, actor.user)
            _audit(AuditEventType.INTERVENTION_REQUESTED, request, actor=actor)
            _send_consent_request(request, "consent_request")
    except IntegrityError:
        return InterventionRequest.objects.for_org(actor.organisation).get(submit_token=submit_token)
    return request


def _send_consent_request(request: InterventionRequest, template: str) -> None:
    send_email(
        request.employee_email,
        template,
        {
            "request": request,
            "url": consent_url(request),
            "scope": consent_scope(request),
            "due": request.consent_due_at,
        },
        language=request.language,
    )


@transaction.atomic
def cancel_request(*, actor: Actor, request: InterventionRequest) -> InterventionRequest:
    require(actor, Perm.VIEW_INTERVENTIONS)
    locked = InterventionRequest.objects.select_for_update().get(
        pk=request.pk, organisation=actor.organisation
    )
    if locked.requested_by_id != actor.user.pk and not can(actor, Perm.VIEW_ALL_INTERVENTIONS):
        raise DomainError(_("Only the requester or a superuser can cancel this request."))
    workflow.check_transition(locked.status, RequestStatus.CANCELLED, Role.EMPLOYER)
    was_forwarded = locked.forwarded_at is not None
    locked.status = RequestStatus.CANCELLED
    locked.cancel_reason = CancelReason.EMPLOYER
    locked.cancelled_at = timezone.now()
    _erase_personal_data(locked)
    locked.save()
    _event(locked, RequestStatus.CANCELLED, actor.user)
    _audit(AuditEventType.INTERVENTION_CANCELLED, locked, actor=actor, detail="employer")
    if was_forwarded:
        _tell_provider(locked, "provider_cancelled")
    return locked


# --- The employee's consent (no account: a signed, single-use link) -----------------------------


@transaction.atomic
def grant_consent(*, token: str) -> InterventionRequest:
    request = resolve_link(token, CONSENT_SALT, lock=True)
    if timezone.now() > request.consent_due_at:
        raise InvalidLink(_("The time to answer has passed."))
    workflow.check_transition(request.status, RequestStatus.FORWARDED, Role.EMPLOYEE)
    now = timezone.now()
    ConsentRecord.objects.create(
        request=request,
        decision=ConsentDecision.GRANTED,
        text_version=CONSENT_TEXT_VERSION,
        scope=consent_scope(request),
    )
    ensure_consent(request)
    request.status = RequestStatus.FORWARDED
    request.consented_at = request.forwarded_at = now
    request.consent_nonce = secrets.token_hex(16)  # the consent link is used up; this one serves withdrawal
    request.save()
    _event(request, RequestStatus.FORWARDED)
    _audit(AuditEventType.CONSENT_GIVEN, request)
    send_email(
        request.employee_email,
        "consent_confirmed",
        {"request": request, "withdraw_url": withdraw_url(request)},
        language=request.language,
    )
    _tell_provider(request, "provider_new_request")
    _tell_requester(request, "requester_forwarded")
    return request


def _end_by_employee(request: InterventionRequest, decision: ConsentDecision, reason: CancelReason) -> None:
    was_forwarded = request.forwarded_at is not None
    ConsentRecord.objects.create(
        request=request, decision=decision, text_version=CONSENT_TEXT_VERSION, scope=consent_scope(request)
    )
    request.status = RequestStatus.CANCELLED
    request.cancel_reason = reason
    request.cancelled_at = timezone.now()
    _erase_personal_data(request)
    request.save()
    _event(request, RequestStatus.CANCELLED)
    if was_forwarded:
        _tell_provider(request, "provider_cancelled")
    _tell_requester(request, "requester_cancelled")


@transaction.atomic
def refuse_consent(*, token: str) -> InterventionRequest:
    request = resolve_link(token, CONSENT_SALT, lock=True)
    workflow.check_transition(request.status, RequestStatus.CANCELLED, Role.EMPLOYEE)
    _end_by_employee(request, ConsentDecision.REFUSED, CancelReason.REFUSED)
    _audit(AuditEventType.CONSENT_REFUSED, request)
    return request


@transaction.atomic
def withdraw_consent(*, token: str) -> InterventionRequest:
    request = resolve_link(token, WITHDRAW_SALT, lock=True)
    workflow.check_transition(request.status, RequestStatus.CANCELLED, Role.EMPLOYEE)
    _end_by_employee(request, ConsentDecision.WITHDRAWN, CancelReason.WITHDRAWN)
    _audit(AuditEventType.CONSENT_WITHDRAWN, request)
    return request


def ensure_consent(request: InterventionRequest) -> None:
    """Checked before every transfer to a provider: the latest decision must be a consent for this provider."""
    latest = request.consents.order_by("-decided_at", "-id").first()
    if (
        latest is None
        or latest.decision != ConsentDecision.GRANTED
        or request.personal_data_erased_at is not None
    ):
        raise DomainError(_("The employee has not (or no longer) consented to this transfer."))


def expire_overdue_consents(*, now: datetime.datetime | None = None) -> int:
    """No answer in time counts as refusal: cancel and erase."""
    moment = now or timezone.now()
    expired = 0
    overdue = InterventionRequest.objects.filter(
        status=RequestStatus.AWAITING_CONSENT, consent_due_at__lt=moment
    )
    for pk in overdue.values_list("pk", flat=True).iterator():
        with transaction.atomic():
            request = InterventionRequest.objects.select_for_update().select_related("provider").get(pk=pk)
            if request.status != RequestStatus.AWAITING_CONSENT:
                continue
            _end_by_employee(request, ConsentDecision.EXPIRED, CancelReason.EXPIRED)
            _audit(AuditEventType.CONSENT_EXPIRED, request)
            expired += 1
    return expired


def send_consent_reminders(*, now: datetime.datetime | None = None) -> int:
    moment = now or timezone.now()
    sent = 0
    schedule = settings.INTERVENTION_REMINDER_DAYS
    waiting = InterventionRequest.objects.filter(
        status=RequestStatus.AWAITING_CONSENT, reminders_sent__lt=len(schedule), consent_due_at__gte=moment
    ).select_related("intervention", "provider", "organisation")
    for request in waiting.iterator():
        if moment < request.created_at + datetime.timedelta(days=schedule[request.reminders_sent]):
            continue
        with transaction.atomic():
            updated = InterventionRequest.objects.filter(
                pk=request.pk, reminders_sent=request.reminders_sent
            ).update(reminders_sent=request.reminders_sent + 1, last_reminder_at=moment)
            if updated:
                _send_consent_request(request, "consent_reminder")
                sent += 1
    return sent


# --- The care provider's work ------------------------------------------------------------------


def provider_request(*, actor: Actor, request_id: int) -> InterventionRequest:
    """A request as its provider sees it: only forwarded ones, and only with a standing consent."""
    require(actor, Perm.PROVIDER_WORK)
    request = (
        InterventionRequest.objects.for_provider(actor.organisation)
        .select_related("intervention", "organisation", "collectivity")
        .filter(pk=request_id)
        .first()
    )
    if request is None:
        raise Http404
    if request.status != RequestStatus.CANCELLED:
        ensure_consent(request)
        _audit(AuditEventType.INTERVENTION_READ, request, actor=actor)
    return request


def _locked_for_provider(actor: Actor, request: InterventionRequest) -> InterventionRequest:
    require(actor, Perm.PROVIDER_WORK)
    locked = InterventionRequest.objects.select_for_update().get(pk=request.pk, provider=actor.organisation)
    if locked.forwarded_at is None:
        raise ConflictError(_("This request has not been forwarded."))
    return locked


def _move(actor: Actor, request: InterventionRequest, target: RequestStatus) -> InterventionRequest:
    workflow.check_transition(request.status, target, Role.PROVIDER)
    request.status = target
    if target == RequestStatus.COMPLETED:
        request.completed_at = timezone.now()
    request.save()
    _event(request, target, actor.user)
    _audit(AuditEventType.INTERVENTION_STATUS, request, actor=actor, detail=target)
    return request


@transaction.atomic
def mark_contacted(*, actor: Actor, request: InterventionRequest) -> InterventionRequest:
    return _move(actor, _locked_for_provider(actor, request), RequestStatus.CONTACTED)


@transaction.atomic
def plan_appointment(
    *, actor: Actor, request: InterventionRequest, starts_at: datetime.datetime
) -> Appointment:
    locked = _locked_for_provider(actor, request)
    if starts_at <= timezone.now():
        raise DomainError(_("Plan the appointment in the future."), field="starts_at")
    if locked.status in (RequestStatus.FORWARDED, RequestStatus.CONTACTED):
        _move(actor, locked, RequestStatus.PLANNED)
    elif locked.status not in (RequestStatus.PLANNED, RequestStatus.IN_TREATMENT):
        workflow.check_transition(locked.status, RequestStatus.PLANNED, Role.PROVIDER)
    appointment = Appointment.objects.create(request=locked, starts_at=starts_at, created_by=actor.user)
    if locked.first_appointment_at is None or starts_at < locked.first_appointment_at:
        locked.first_appointment_at = starts_at
        locked.save(update_fields=["first_appointment_at", "updated_at"])
    return appointment


def _locked_appointment(actor: Actor, appointment_id: int) -> Appointment:
    require(actor, Perm.PROVIDER_WORK)
    appointment = (
        Appointment.objects.select_for_update()
        .select_related("request")
        .filter(pk=appointment_id, request__provider=actor.organisation)
        .first()
    )
    if appointment is None:
        raise Http404
    if appointment.status != AppointmentStatus.PLANNED:
        raise ConflictError(_("This appointment has already been dealt with."))
    return appointment


@transaction.atomic
def record_attendance(*, actor: Actor, appointment_id: int, attended: bool) -> Appointment:
    appointment = _locked_appointment(actor, appointment_id)
    if appointment.starts_at > timezone.now():
        raise DomainError(_("An appointment can be recorded once it has started."))
    appointment.status = AppointmentStatus.ATTENDED if attended else AppointmentStatus.NO_SHOW
    appointment.chargeable = True  # an attended session is billed, and so is a no-show (seed 003)
    appointment.save()
    request = InterventionRequest.objects.select_for_update().get(pk=appointment.request_id)
    if attended and request.status == RequestStatus.PLANNED:
        _move(actor, request, RequestStatus.IN_TREATMENT)
    return appointment


@transaction.atomic
def cancel_appointment(
    *, actor: Actor, appointment_id: int, now: datetime.datetime | None = None
) -> Appointment:
    """Free up to 2 working days ahead (weekends and Dutch public holidays do not count); later is charged."""
    appointment = _locked_appointment(actor, appointment_id)
    moment = now or timezone.now()
    ahead = working_days_between(timezone.localdate(moment), timezone.localdate(appointment.starts_at))
    late = ahead < FREE_CANCELLATION_WORKING_DAYS
    appointment.status = AppointmentStatus.CANCELLED_LATE if late else AppointmentStatus.CANCELLED
    appointment.chargeable = late
    appointment.cancelled_at = moment
    appointment.save()
    return appointment


@transaction.atomic
def complete_request(*, actor: Actor, request: InterventionRequest) -> InterventionRequest:
    locked = _move(actor, _locked_for_provider(actor, request), RequestStatus.COMPLETED)
    locked.survey_nonce = secrets.token_hex(16)
    locked.save(update_fields=["survey_nonce"])
    if locked.employee_email:
        send_email(
            locked.employee_email,
            "survey_invitation",
            {"request": locked, "url": survey_url(locked)},
            language=locked.language,
        )
    _tell_requester(locked, "requester_completed")
    return locked


@transaction.atomic
def request_extension(
    *, actor: Actor, request: InterventionRequest, reason: str, extra_sessions: int
) -> Extension:
    locked = _locked_for_provider(actor, request)
    if locked.status not in (RequestStatus.PLANNED, RequestStatus.IN_TREATMENT):
        raise ConflictError(_("An extension can be asked while the course is planned or running."))
    if locked.extensions.filter(status=ExtensionStatus.PENDING).exists():
        raise ConflictError(_("An extension is already waiting for the employer."))
    extension = Extension.objects.create(
        request=locked, reason=reason.strip(), extra_sessions=extra_sessions, requested_by=actor.user
    )
    _audit(AuditEventType.INTERVENTION_STATUS, locked, actor=actor, detail="extension requested")
    _tell_requester(locked, "requester_extension")
    return extension


@transaction.atomic
def decide_extension(*, actor: Actor, extension: Extension, approve: bool) -> Extension:
    require(actor, Perm.VIEW_INTERVENTIONS)
    locked = (
        Extension.objects.select_for_update()
        .select_related("request")
        .get(pk=extension.pk, request__organisation=actor.organisation)
    )
    request = locked.request
    if request.requested_by_id != actor.user.pk and not can(actor, Perm.VIEW_ALL_INTERVENTIONS):
        raise DomainError(_("Only the requester or a superuser can decide on an extension."))
    if locked.status != ExtensionStatus.PENDING:
        raise ConflictError(_("This extension has already been decided."))
    locked.status = ExtensionStatus.APPROVED if approve else ExtensionStatus.REJECTED
    locked.decided_by = actor.user
    locked.decided_at = timezone.now()
    locked.save()
    if approve:
        request.extra_sessions += locked.extra_sessions
        request.save(update_fields=["extra_sessions", "updated_at"])
    _audit(AuditEventType.INTERVENTION_STATUS, request, actor=actor, detail=f"extension {locked.status}")
    _tell_provider(request, "provider_extension_decided")
    return locked


def export_requests(*, actor: Actor, requests: Any) -> bytes:
    """The (filtered) request list as Excel, without personal data; the export is audited."""
    require(actor, Perm.VIEW_INTERVENTIONS)
    header = [
        _("Intervention number"),
        _("Intervention"),
        _("Category"),
        _("Care provider"),
        _("Status"),
        _("Requested on"),
        _("Consent on"),
        _("First appointment"),
        _("Completed on"),
    ]

    def day(value: datetime.datetime | None) -> str:
        return timezone.localtime(value).strftime("%d-%m-%Y") if value else ""

    rows = (
        [
            r.number,
            r.intervention.title,
            r.get_category_display(),
            r.provider.name,
            r.get_status_display(),
            day(r.created_at),
            day(r.consented_at),
            day(r.first_appointment_at),
            day(r.completed_at),
        ]
        for r in requests.order_by("-created_at").iterator(chunk_size=2000)
    )
    content = write_xlsx(header, rows, title="Interventies")
    record(
        AuditEventType.INTERVENTIONS_EXPORTED,
        user=actor.user,
        role=describe_role(actor),
        organisation=actor.organisation,
    )
    return content


# --- The survey ------------------------------------------------------------------------------


@transaction.atomic
def submit_survey(*, token: str, score_offer: int, score_speed: int, comment: str) -> SurveyResponse:
    request = resolve_link(token, SURVEY_SALT, lock=True)
    if request.status != RequestStatus.COMPLETED or hasattr(request, "survey"):
        raise InvalidLink(_("This link is not valid (any more)."))
    response = SurveyResponse.objects.create(
        request=request, score_offer=score_offer, score_speed=score_speed, comment=comment.strip()
    )
    request.survey_nonce = ""
    request.save(update_fields=["survey_nonce", "updated_at"])
    return response
