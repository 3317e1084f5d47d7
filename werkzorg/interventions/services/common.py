"""What the intervention services share: the timeline, the audit row, erasure and the e-mails to portal users."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import timezone

from werkzorg.access import Actor
from werkzorg.audit.services import record
from werkzorg.integrations.webhooks import publish
from werkzorg.interventions.models import InterventionEvent, InterventionRequest, StatusEvent
from werkzorg.notifications.services import send_email
from werkzorg.organisations.models import Organisation

# Webhook event (werkzorg/integrations/webhooks.py), registered in apps.py.
STATUS_CHANGED = "intervention.status_changed"


def site_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def add_event(request: InterventionRequest, status: str, by: Any = None) -> None:
    """A step on the timeline, told to the employer's systems that subscribed (number and status only)."""
    event = StatusEvent.objects.create(
        request=request, status=status, by=by if by is not None and by.is_authenticated else None
    )
    publish(
        organisation=request.organisation,
        event=STATUS_CHANGED,
        data={"request": request.number, "status": status, "at": event.at.isoformat()},
    )


def audit(
    event: InterventionEvent, request: InterventionRequest, *, actor: Actor | None = None, detail: str = ""
) -> None:
    """With an actor: a portal user; without: the employee's link or a deadline (no account)."""
    if actor is not None:
        record(event, actor=actor, organisation_id=request.organisation_id, obj=request, detail=detail)
    else:
        record(event, role="employee", organisation_id=request.organisation_id, obj=request, detail=detail)


def erase_personal_data(request: InterventionRequest) -> None:
    request.employee = None
    request.employee_name = ""
    request.employee_email = ""
    request.employee_phone = ""
    request.note_for_provider = ""
    request.consent_nonce = ""
    request.survey_nonce = ""
    request.personal_data_erased_at = timezone.now()


def _provider_contacts(provider: Organisation) -> list[str]:
    return list(provider.memberships.filter(user__is_active=True).values_list("user__email", flat=True))


def tell_requester(request: InterventionRequest, template: str) -> None:
    send_email(
        request.requested_by.email,
        template,
        {"request": request, "url": site_url(f"/o/{request.organisation.slug}/interventies/{request.pk}/")},
    )


def tell_provider(request: InterventionRequest, template: str) -> None:
    for email in _provider_contacts(request.provider):
        send_email(
            email,
            template,
            {"request": request, "url": site_url(f"/o/{request.provider.slug}/werklijst/{request.pk}/")},
        )
