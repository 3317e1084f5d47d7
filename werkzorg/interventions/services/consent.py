"""The employee's consent (no account: a signed, single-use link), reminders, and expiry as refusal.

The employee's personal data reaches the provider only after consent, and is erased (not hidden)
when consent is refused, expires or is withdrawn (AVG/GDPR art. 7: as easy to withdraw as to give).
"""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.core.errors import DomainError
from werkzorg.interventions import workflow
from werkzorg.interventions.models import (
    CancelReason,
    ConsentDecision,
    ConsentRecord,
    InterventionEvent,
    InterventionRequest,
    RequestStatus,
)
from werkzorg.interventions.services.common import (
    add_event,
    audit,
    erase_personal_data,
    tell_provider,
    tell_requester,
)
from werkzorg.interventions.services.links import (
    CONSENT_SALT,
    WITHDRAW_SALT,
    InvalidLink,
    consent_url,
    resolve_link,
    withdraw_url,
)
from werkzorg.interventions.workflow import Actor as Role
from werkzorg.notifications.services import send_email

CONSENT_TEXT_VERSION = "2026.1"


def consent_scope(request: InterventionRequest) -> str:
    return (
        f"name, e-mail and mobile number (and the requester's note) to {request.provider.name} "
        f"for {request.intervention.title}, number {request.number}"
    )[:300]


def send_consent_request(request: InterventionRequest, template: str) -> None:
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


@transaction.atomic(durable=True)
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
    add_event(request, RequestStatus.FORWARDED)
    audit(InterventionEvent.CONSENT_GIVEN, request)
    send_email(
        request.employee_email,
        "consent_confirmed",
        {"request": request, "withdraw_url": withdraw_url(request)},
        language=request.language,
    )
    tell_provider(request, "provider_new_request")
    tell_requester(request, "requester_forwarded")
    return request


def _end_by_employee(request: InterventionRequest, decision: ConsentDecision, reason: CancelReason) -> None:
    was_forwarded = request.forwarded_at is not None
    ConsentRecord.objects.create(
        request=request, decision=decision, text_version=CONSENT_TEXT_VERSION, scope=consent_scope(request)
    )
    request.status = RequestStatus.CANCELLED
    request.cancel_reason = reason
    request.cancelled_at = timezone.now()
    erase_personal_data(request)
    request.save()
    add_event(request, RequestStatus.CANCELLED)
    if was_forwarded:
        tell_provider(request, "provider_cancelled")
    tell_requester(request, "requester_cancelled")


@transaction.atomic(durable=True)
def refuse_consent(*, token: str) -> InterventionRequest:
    request = resolve_link(token, CONSENT_SALT, lock=True)
    workflow.check_transition(request.status, RequestStatus.CANCELLED, Role.EMPLOYEE)
    _end_by_employee(request, ConsentDecision.REFUSED, CancelReason.REFUSED)
    audit(InterventionEvent.CONSENT_REFUSED, request)
    return request


@transaction.atomic(durable=True)
def withdraw_consent(*, token: str) -> InterventionRequest:
    request = resolve_link(token, WITHDRAW_SALT, lock=True)
    workflow.check_transition(request.status, RequestStatus.CANCELLED, Role.EMPLOYEE)
    _end_by_employee(request, ConsentDecision.WITHDRAWN, CancelReason.WITHDRAWN)
    audit(InterventionEvent.CONSENT_WITHDRAWN, request)
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
    """No answer in time counts as refusal: cancel and erase. Run by Celery beat, one transaction per request."""
    moment = now or timezone.now()
    expired = 0
    overdue = InterventionRequest.objects.filter(
        status=RequestStatus.AWAITING_CONSENT, consent_due_at__lt=moment
    )
    for pk in overdue.values_list("pk", flat=True).iterator():
        with transaction.atomic(durable=True):
            request = InterventionRequest.objects.select_for_update().select_related("provider").get(pk=pk)
            if request.status != RequestStatus.AWAITING_CONSENT:
                continue
            _end_by_employee(request, ConsentDecision.EXPIRED, CancelReason.EXPIRED)
            audit(InterventionEvent.CONSENT_EXPIRED, request)
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
        with transaction.atomic(durable=True):
            updated = InterventionRequest.objects.filter(
                pk=request.pk, reminders_sent=request.reminders_sent
            ).update(reminders_sent=request.reminders_sent + 1, last_reminder_at=moment)
            if updated:
                send_consent_request(request, "consent_reminder")
                sent += 1
    return sent
