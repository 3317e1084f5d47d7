"""The employer's request: made by the request role or an authorised physician, cancelled by them or a superuser."""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, get_or_404, in_scope, require, scope
from werkzorg.core.errors import DomainError
from werkzorg.employees.models import Employee
from werkzorg.interventions import workflow
from werkzorg.interventions.models import (
    CancelReason,
    Intervention,
    InterventionEvent,
    InterventionRequest,
    RequestStatus,
)
from werkzorg.interventions.queries import REQUEST_RELATIONS
from werkzorg.interventions.services.common import add_event, audit, erase_personal_data, tell_provider
from werkzorg.interventions.services.consent import send_consent_request
from werkzorg.interventions.workflow import Actor as Role
from werkzorg.organisations.models import Collectivity, Organisation

# What the request's page shows (and the audit needs): compiling the query with every column of the
# four related models cost more than running it (measured).
DETAIL_FIELDS = (
    "number",
    "status",
    "cancel_reason",
    "employee_name",
    "personal_data_erased_at",
    "requested_as_physician",
    "consent_due_at",
    "extra_sessions",
    "intervention__title",
    "provider__name",
    "collectivity__name",
    "requested_by__full_name",
    "requested_by__email",
    "organisation",  # its id, for the audit row
)


def read_request(*, actor: Actor, request_id: int) -> InterventionRequest:
    """A request as the employer sees it, with the employee's name: the read is audited (NEN 7513)."""
    require(actor, Perm.VIEW_INTERVENTIONS)
    # Scoped once, by get_or_404 (visible_requests would scope it a second time).
    found: InterventionRequest = get_or_404(
        InterventionRequest.objects.select_related(*REQUEST_RELATIONS).only(*DETAIL_FIELDS),
        actor,
        pk=request_id,
    )
    audit(InterventionEvent.INTERVENTION_READ, found, actor=actor)
    return found


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
    if not in_scope(collectivity, actor):
        raise DomainError(_("Choose a collectivity of your organisation."), field="collectivity")
    if not intervention.is_active or not intervention.providers.filter(pk=provider.pk).exists():
        raise DomainError(_("This provider does not offer this intervention."), field="provider")
    if employee is not None and not in_scope(employee, actor):
        raise DomainError(_("Choose an employee of your organisation."), field="employee")
    existing = scope(InterventionRequest, actor).filter(submit_token=submit_token).first()
    if existing is not None:
        return existing  # a double-clicked or replayed submit
    now = timezone.now()
    try:
        with transaction.atomic(durable=True):
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
            add_event(request, RequestStatus.AWAITING_CONSENT, actor.user)
            audit(InterventionEvent.INTERVENTION_REQUESTED, request, actor=actor)
            send_consent_request(request, "consent_request")
    except IntegrityError:
        return scope(InterventionRequest, actor).get(submit_token=submit_token)
    return request


@transaction.atomic(durable=True)
def cancel_request(*, actor: Actor, request: InterventionRequest) -> InterventionRequest:
    """The requester cancels their own request, a superuser any (scope applies the owner rule)."""
    require(actor, Perm.MANAGE_INTERVENTIONS)
    locked = get_or_404(InterventionRequest.objects.select_for_update(), actor, pk=request.pk)
    workflow.check_transition(locked.status, RequestStatus.CANCELLED, Role.EMPLOYER)
    was_forwarded = locked.forwarded_at is not None
    locked.status = RequestStatus.CANCELLED
    locked.cancel_reason = CancelReason.EMPLOYER
    locked.cancelled_at = timezone.now()
    erase_personal_data(locked)
    locked.save()
    add_event(locked, RequestStatus.CANCELLED, actor.user)
    audit(InterventionEvent.INTERVENTION_CANCELLED, locked, actor=actor, detail="employer")
    if was_forwarded:
        tell_provider(locked, "provider_cancelled")
    return locked
