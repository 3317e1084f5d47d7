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
from werkzorg.access.policy import (
    CLIENT_GRANT_FIELDS,
    check_client_grantable,
    check_client_roles,
    grant_labels,
)
from werkzorg.access.rules import ClientRefused
from werkzorg.audit.services import record
from werkzorg.core.crypto import encrypt
from werkzorg.core.errors import DomainError, NotFound
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
    _check_expiry(expires_on)
    secret = secrets.token_urlsafe(36)
    application = create_application(f"{actor.organisation.slug}: {name}", name, secret)
    client = ApiClient.objects.create(
        organisation=actor.organisation,
        name=name,
        application=application,
        service_user=application.user,
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


def _check_expiry(expires_on: datetime.date) -> None:
    today = timezone.localdate()
    if not today < expires_on <= today + MAX_VALIDITY:
        raise DomainError(_("Choose an expiry date after today and within two years."), field="expires_on")


def create_application(label: str, name: str, secret: str, client_id: str = "") -> Application:
    """The OAuth application of a new client, with its service account (nobody signs in as a client)."""
    service_user = get_user_model().objects.create(
        email=f"api-client-{uuid.uuid4().hex[:12]}@clients.invalid", full_name=f"API: {name}"[:200]
    )
    service_user.set_unusable_password()
    service_user.save(update_fields=["password"])
    return Application.objects.create(
        name=label[:255],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
        user=service_user,
        client_secret=secret,  # hashed on save by django-oauth-toolkit
        hash_client_secret=True,
        **({"client_id": client_id} if client_id else {}),
    )


@transaction.atomic(durable=True)
def revoke_client(*, actor: Actor, client_id: int) -> ApiClient:
    """At once: its tokens are deleted and no new one is issued (the token endpoint asks `is_usable`)."""
    require(actor, Perm.MANAGE_API_CLIENTS)
    return _revoke(actor, get_or_404(ApiClient.objects.select_for_update(), actor, pk=client_id))


def _revoke(actor: Actor, locked: ApiClient) -> ApiClient:
    if locked.revoked_at is None:
        locked.revoked_at, locked.revoked_by = timezone.now(), actor.user
        locked.save(update_fields=["revoked_at", "revoked_by"])
        AccessToken.objects.filter(application_id=locked.application_id).delete()
        record(IntegrationEvent.CLIENT_REVOKED, actor=actor, organisation=locked.organisation, obj=locked)
    return locked


def client_roles(client: ApiClient) -> list[str]:
    return grant_labels([f for f in CLIENT_GRANT_FIELDS if getattr(client, f)])


def client_standing(token: Any, org_slug: str) -> tuple[Any, ApiClient, Any] | None:
    """Registered with werkzorg.access: the client behind an access token, if it acts for `org_slug`
    (its own organisation, or one an operator-wide client serves)."""
    client = (
        ApiClient.objects.select_related("organisation", "service_user")
        .filter(application_id=token.application_id)
        .first()
    )
    if client is None:
        return None
    if client.is_operator_wide:
        organisation = client.served.filter(slug=org_slug, is_active=True).first()
    else:
        organisation = client.organisation if client.organisation.slug == org_slug else None
    if organisation is None or not organisation.is_active:
        return None
    if not client.is_usable:
        raise ClientRefused()
    now = timezone.now()
    if client.last_used_at is None or now - client.last_used_at > LAST_USE_RESOLUTION:
        ApiClient.objects.filter(pk=client.pk).update(last_used_at=now)
    return organisation, client, client.service_user


# --- Operator-wide clients: registered by the desk, serving chosen organisations ---------------------


@transaction.atomic(durable=True)
def register_operator_client(
    *, actor: Actor, name: str, grants: dict[str, bool], expires_on: datetime.date, served: list[Any]
) -> tuple[ApiClient, str]:
    """A client of the operator's partner (an absence insurer, say) for the organisations it serves.

    The desk chooses its roles (never user management or medical data, as for every client); each
    organisation's main account holder sees it on their clients page and may take its access away.
    """
    require(actor, Perm.DESK_ORGANISATIONS)
    check_client_roles(grants)
    _check_expiry(expires_on)
    if not served:
        raise DomainError(_("Choose the organisations this client serves."), field="served")
    secret = secrets.token_urlsafe(36)
    application = create_application(f"operator: {name}", name, secret)
    client = ApiClient.objects.create(
        organisation=None,
        name=name,
        application=application,
        service_user=application.user,
        expires_on=expires_on,
        created_by=actor.user,
        **{field: bool(grants.get(field)) for field in CLIENT_GRANT_FIELDS},
    )
    client.served.set(served)
    for organisation in served:
        record(
            IntegrationEvent.CLIENT_REGISTERED,
            actor=actor,
            organisation=organisation,
            obj=client,
            detail="operator-wide",
        )
    return client, secret


@transaction.atomic(durable=True)
def revoke_by_desk(*, actor: Actor, client: ApiClient) -> ApiClient:
    require(actor, Perm.DESK_ORGANISATIONS)
    return _revoke(actor, ApiClient.objects.select_for_update().get(pk=client.pk))


def list_operator_clients(*, actor: Actor) -> QuerySet[ApiClient]:
    """The operator-wide clients serving the actor's organisation (shown beside its own)."""
    require(actor, Perm.MANAGE_API_CLIENTS)
    return actor.organisation.operator_api_clients.filter(revoked_at__isnull=True).order_by("name")


@transaction.atomic(durable=True)
def remove_operator_access(*, actor: Actor, client_id: int) -> ApiClient:
    """The main account holder takes an operator-wide client's access to their organisation away."""
    require(actor, Perm.MANAGE_API_CLIENTS)
    client = actor.organisation.operator_api_clients.filter(pk=client_id).first()
    if client is None:
        raise NotFound()
    actor.organisation.operator_api_clients.remove(client)
    record(IntegrationEvent.OPERATOR_ACCESS_REMOVED, actor=actor, obj=client)
    return client


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
        scope(WebhookSubscription, actor)
        .filter(deleted_at__isnull=True)
        .select_related("client")
        .prefetch_related(Prefetch("deliveries", queryset=latest, to_attr="latest"))
    )
    return [(s, s.latest) for s in subscriptions]


# --- Webhook subscriptions: a client's own, for the organisation it acts for -----------------------

MAX_SUBSCRIPTIONS = 20


@transaction.atomic(durable=True)
def subscribe(*, actor: Actor, url: str, events: list[str]) -> tuple[WebhookSubscription, str]:
    """Returns the subscription and its signing secret, kept encrypted and shown to the client once."""
    if not actor.is_client:
        raise DomainError(_("Only an API client can use this; register one under API clients."))
    if scope(WebhookSubscription, actor).filter(deleted_at__isnull=True).count() >= MAX_SUBSCRIPTIONS:
        raise DomainError(_("A client has at most 20 subscriptions."))
    secret = secrets.token_urlsafe(32)
    subscription = WebhookSubscription.objects.create(
        client=actor.api_client,
        organisation=actor.organisation,
        url=url,
        events=events,
        secret_encrypted=encrypt(secret),
    )
    record(IntegrationEvent.WEBHOOK_SUBSCRIBED, actor=actor, obj=subscription, detail=",".join(events))
    return subscription, secret


@transaction.atomic(durable=True)
def unsubscribe(*, actor: Actor, subscription: WebhookSubscription) -> None:
    """Its delivery log stays."""
    locked: WebhookSubscription = get_or_404(
        WebhookSubscription.objects.select_for_update(), actor, pk=subscription.pk
    )
    if locked.deleted_at is None:
        locked.deleted_at = timezone.now()
        locked.save(update_fields=["deleted_at"])
        record(IntegrationEvent.WEBHOOK_UNSUBSCRIBED, actor=actor, obj=locked)
