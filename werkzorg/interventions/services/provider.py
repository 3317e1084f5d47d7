"""The care provider's work on a forwarded request: contact, plan, record, cancel appointments, complete.

Appointments cancelled less than 2 working days ahead, and no-shows, are chargeable (docs/domain.md,
"Interventions"); weekends and Dutch public holidays do not count as working days.
"""

from __future__ import annotations

import datetime
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, get_or_404, require
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.core.workdays import working_days_between
from werkzorg.interventions import workflow
from werkzorg.interventions.models import (
    Appointment,
    AppointmentStatus,
    InterventionEvent,
    InterventionRequest,
    RequestStatus,
)
from werkzorg.interventions.services.common import add_event, audit, tell_requester
from werkzorg.interventions.services.consent import ensure_consent
from werkzorg.interventions.services.links import survey_url
from werkzorg.interventions.workflow import Actor as Role
from werkzorg.notifications.services import send_email

FREE_CANCELLATION_WORKING_DAYS = 2


def provider_request(*, actor: Actor, request_id: int) -> InterventionRequest:
    """A request as its provider sees it: only forwarded ones, and only with a standing consent; audited."""
    require(actor, Perm.PROVIDER_WORK)
    request = get_or_404(
        InterventionRequest.objects.select_related("intervention", "organisation", "collectivity"),
        actor,
        pk=request_id,
    )
    if request.status != RequestStatus.CANCELLED:
        ensure_consent(request)
        audit(InterventionEvent.INTERVENTION_READ, request, actor=actor)
    return request


def _locked_for_provider(actor: Actor, request: InterventionRequest) -> InterventionRequest:
    require(actor, Perm.PROVIDER_WORK)
    return get_or_404(InterventionRequest.objects.select_for_update(), actor, pk=request.pk)


def _move(actor: Actor, request: InterventionRequest, target: RequestStatus) -> InterventionRequest:
    workflow.check_transition(request.status, target, Role.PROVIDER)
    request.status = target
    if target == RequestStatus.COMPLETED:
        request.completed_at = timezone.now()
    request.save()
    add_event(request, target, actor.user)
    audit(InterventionEvent.INTERVENTION_STATUS, request, actor=actor, detail=target)
    return request


@transaction.atomic(durable=True)
def mark_contacted(*, actor: Actor, request: InterventionRequest) -> InterventionRequest:
    return _move(actor, _locked_for_provider(actor, request), RequestStatus.CONTACTED)


@transaction.atomic(durable=True)
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
    appointment = get_or_404(
        Appointment.objects.select_for_update().select_related("request"), actor, pk=appointment_id
    )
    if appointment.status != AppointmentStatus.PLANNED:
        raise ConflictError(_("This appointment has already been dealt with."))
    return appointment


@transaction.atomic(durable=True)
def record_attendance(*, actor: Actor, appointment_id: int, attended: bool) -> Appointment:
    appointment = _locked_appointment(actor, appointment_id)
    if appointment.starts_at > timezone.now():
        raise DomainError(_("An appointment can be recorded once it has started."))
    appointment.status = AppointmentStatus.ATTENDED if attended else AppointmentStatus.NO_SHOW
    appointment.chargeable = True  # an attended session is billed, and so is a no-show
    appointment.save()
    request = get_or_404(InterventionRequest.objects.select_for_update(), actor, pk=appointment.request_id)
    if attended and request.status == RequestStatus.PLANNED:
        _move(actor, request, RequestStatus.IN_TREATMENT)
    return appointment


@transaction.atomic(durable=True)
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
    request = get_or_404(InterventionRequest.objects.select_for_update(), actor, pk=appointment.request_id)
    if (
        request.status == RequestStatus.PLANNED
        and not request.appointments.filter(
            status__in=[AppointmentStatus.PLANNED, AppointmentStatus.ATTENDED]
        ).exists()
    ):
        _move(actor, request, RequestStatus.CONTACTED)
    return appointment


@transaction.atomic(durable=True)
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
    tell_requester(locked, "requester_completed")
    return locked
