"""A course that needs more sessions is extended under the same number: the provider asks, the employer decides."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, get_or_404, require
from werkzorg.core.errors import ConflictError
from werkzorg.interventions.models import (
    Extension,
    ExtensionStatus,
    InterventionEvent,
    InterventionRequest,
    RequestStatus,
)
from werkzorg.interventions.services.common import audit, tell_provider, tell_requester


@transaction.atomic(durable=True)
def request_extension(
    *, actor: Actor, request: InterventionRequest, reason: str, extra_sessions: int
) -> Extension:
    require(actor, Perm.PROVIDER_WORK)
    locked = get_or_404(InterventionRequest.objects.select_for_update(), actor, pk=request.pk)
    if locked.status not in (RequestStatus.PLANNED, RequestStatus.IN_TREATMENT):
        raise ConflictError(_("An extension can be asked while the course is planned or running."))
    if locked.extensions.filter(status=ExtensionStatus.PENDING).exists():
        raise ConflictError(_("An extension is already waiting for the employer."))
    extension = Extension.objects.create(
        request=locked, reason=reason.strip(), extra_sessions=extra_sessions, requested_by=actor.user
    )
    audit(InterventionEvent.INTERVENTION_STATUS, locked, actor=actor, detail="extension requested")
    tell_requester(locked, "requester_extension")
    return extension


@transaction.atomic(durable=True)
def decide_extension(*, actor: Actor, extension: Extension, approve: bool) -> Extension:
    """The requester decides on their own request's extension, a superuser on any (the owner rule of scope)."""
    require(actor, Perm.MANAGE_INTERVENTIONS)
    locked = get_or_404(
        Extension.objects.select_for_update().select_related("request"), actor, pk=extension.pk
    )
    request = locked.request
    if locked.status != ExtensionStatus.PENDING:
        raise ConflictError(_("This extension has already been decided."))
    locked.status = ExtensionStatus.APPROVED if approve else ExtensionStatus.REJECTED
    locked.decided_by = actor.user
    locked.decided_at = timezone.now()
    locked.save()
    if approve:
        request.extra_sessions += locked.extra_sessions
        request.save(update_fields=["extra_sessions", "updated_at"])
    audit(InterventionEvent.INTERVENTION_STATUS, request, actor=actor, detail=f"extension {locked.status}")
    tell_provider(request, "provider_extension_decided")
    return locked
