"""Registering, revoking and recognising an organisation's API clients; every change audited."""

from __future__ import annotations

import datetime
import secrets
import uuid
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from oauth2_provider.models import AccessToken, Application

from werkzorg.access import Actor, Perm, get_or_404, require, scope
from werkzorg.access.policy import CLIENT_GRANT_FIELDS, check_client_grantable, grant_labels
from werkzorg.access.rules import ClientRefused
from werkzorg.audit.services import record
from werkzorg.core.errors import DomainError
from werkzorg.core.models import IdempotencyKey
from werkzorg.integrations.models import ApiClient, IntegrationEvent, WebhookDelivery, WebhookSubscription

MAX_VALIDITY = datetime.timedelta(days=2 * 366)
# The last use is written at most this often: an API call is a read, not a write.
LAST_USE_RESOLUTION = datetime.timedelta(minutes=5)


def list_clients(*, actor: Actor) -> QuerySet[ApiClient]:
    require(actor, Perm.MANAGE_API_CLIENTS)
    return scope(ApiClient, actor).select_related("application", "created_by")


@transaction.atomic(durable=True)
def register_client(
    *, actor: Actor, name: str, grants: dict[str, bool], expires_on: datetime.date
) -> tuple[ApiClient, str]:
    """A new client with the roles given (no more than the registrar may grant); returns the client and
    its secret, which is stored only hashed and shown this once."""
    require(actor, Perm.MANAGE_API_CLIENTS)
    check_client_grantable(actor, grants)
    today = timezone.localdate()
    if not today < expires_on <= today + MAX_VALIDITY:
        raise DomainError(_("Choose an expiry date after today and within two years."), field="expires_on")
    secret = secrets.token_urlsafe(36)
    service_user = get_user_model().objects.create(
        email=f"api-client-{uuid.uuid4().hex[:12]}@clients.invalid", full_name=f"API: {name}"[:200]
    )
    service_user.set_unusable_password()  # nobody signs in as a client
    service_user.save(update_fields=["password"])
    application = Application.objects.create(
        name=f"{actor.organisation.slug}: {name}"[:255],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
        user=service_user,
        client_secret=secret,  # hashed on save by django-oauth-toolkit
        hash_client_secret=True,
    )
    client = ApiClient.objects.create(
        organisation=actor.organisation,
        name=name,
        application=application,
        service_user=service_user,
        expires_on=expires_on,
        created_by=actor.user,
        **{field: bool(grants.get(field)) for field in CLIENT_GRANT_FIELDS},
    )
    record(
        IntegrationEvent.CLIENT_REGISTERED,
        actor=actor,
        obj=client,
        detail="roles: " + ", ".join(f for f in CLIENT_GRANT_FIELDS if grants.get(f)),
    )
    return client, secret


@transaction.atomic(durable=True)
def revoke_client(*, actor: Actor, client_id: int) -> ApiClient:
    """At once: its tokens are deleted and no new one is issued (the token endpoint asks `is_usable`)."""
    require(actor, Perm.MANAGE_API_CLIENTS)
    client: ApiClient = get_or_404(ApiClient.objects.select_for_update(), actor, pk=client_id)
    if client.revoked_at is None:
        client.revoked_at, client.revoked_by = timezone.now(), actor.user
        client.save(update_fields=["revoked_at", "revoked_by"])
        AccessToken.objects.filter(application_id=client.application_id).delete()
        record(IntegrationEvent.CLIENT_REVOKED, actor=actor, obj=client)
    return client


def client_roles(client: ApiClient) -> list[str]:
    return grant_labels([f for f in CLIENT_GRANT_FIELDS if getattr(client, f)])


def client_standing(token: Any, org_slug: str) -> tuple[Any, ApiClient, Any] | None:
    """Registered with werkzorg.access: the client behind an access token, if it is `org_slug`'s."""
    client = (
        ApiClient.objects.select_related("organisation", "service_user")
        .filter(application_id=token.application_id)
        .first()
    )
    if client is None or client.organisation.slug != org_slug or not client.organisation.is_active:
        return None
    if not client.is_usable:
        raise ClientRefused()
    now = timezone.now()
    if client.last_used_at is None or now - client.last_used_at > LAST_USE_RESOLUTION:
        ApiClient.objects.filter(pk=client.pk).update(last_used_at=now)
    return client.organisation, client, client.service_user


IDEMPOTENCY_HOURS = 24  # a retry comes within minutes; a day covers a client that was down overnight


def forget_idempotency_keys() -> int:
    cutoff = timezone.now() - datetime.timedelta(hours=IDEMPOTENCY_HOURS)
    deleted, _ = IdempotencyKey.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def list_subscriptions(*, actor: Actor) -> list[tuple[WebhookSubscription, list[WebhookDelivery]]]:
    """Every live subscription of the organisation's clients with its latest deliveries, for the page."""
    require(actor, Perm.MANAGE_API_CLIENTS)
    latest = WebhookDelivery.objects.order_by("-created_at", "-pk")[:5]  # per subscription (a window query)
    subscriptions = (
        WebhookSubscription.objects.filter(client__in=scope(ApiClient, actor), deleted_at__isnull=True)
        .select_related("client")
        .prefetch_related(Prefetch("deliveries", queryset=latest, to_attr="latest"))
    )
    return [(s, s.latest) for s in subscriptions]
