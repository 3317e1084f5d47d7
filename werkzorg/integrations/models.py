"""An organisation's machine clients: an OAuth 2.0 application, a service account, roles, an expiry."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkzorg.core.models import TenantQuerySet
from werkzorg.core.tenancy import Tenancy


class IntegrationEvent(models.TextChoices):
    CLIENT_REGISTERED = "api_client_registered", _("API client registered")
    CLIENT_REVOKED = "api_client_revoked", _("API client revoked")
    OPERATOR_ACCESS_REMOVED = "operator_client_removed", _("Operator-wide API client's access removed")
    WEBHOOK_SUBSCRIBED = "webhook_subscribed", _("Webhook subscription made")
    WEBHOOK_UNSUBSCRIBED = "webhook_unsubscribed", _("Webhook subscription ended")


class ApiClientQuerySet(TenantQuerySet):
    tenancy = Tenancy(organisation="organisation")


class ApiClient(models.Model):
    """A payroll system, HR suite or absence insurer calling the API for one organisation.

    It authenticates with the client-credentials grant of its `application` (secret stored hashed by
    django-oauth-toolkit) and acts through `service_user`, an account nobody can sign in with, so that
    the audit log and every "created by" name the client. It holds roles only (werkzorg.access.policy).
    """

    # An organisation's own client; empty for an operator-wide client, which serves `served`.
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="api_clients",
        null=True,
        blank=True,
    )
    served = models.ManyToManyField(
        "organisations.Organisation",
        related_name="operator_api_clients",
        blank=True,
        verbose_name=_("organisations served"),
        help_text=_("An operator-wide client (e.g. an absence insurer) acts for these organisations only."),
    )
    name = models.CharField(_("name"), max_length=100)
    application = models.OneToOneField(
        settings.OAUTH2_PROVIDER_APPLICATION_MODEL, on_delete=models.PROTECT, related_name="api_client"
    )
    service_user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_client"
    )
    role_insurance = models.BooleanField(_("collective health insurance"), default=False)
    role_declare_invoices = models.BooleanField(_("declare invoices"), default=False)
    role_request_interventions = models.BooleanField(_("request interventions"), default=False)
    role_reports = models.BooleanField(_("reports"), default=False)
    role_absence = models.BooleanField(_("absence management"), default=False)
    expires_on = models.DateField(_("valid until"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = ApiClientQuerySet.as_manager()

    class Meta:
        verbose_name = _("API client")
        verbose_name_plural = _("API clients")
        ordering = ["revoked_at", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_on >= timezone.localdate()

    @property
    def is_operator_wide(self) -> bool:
        return self.organisation_id is None


class WebhookSubscriptionQuerySet(TenantQuerySet):
    # A client's own subscriptions for one organisation's events, made by its service account.
    # The main account holder sees them all (the clients page); a client never holds that perm.
    tenancy = Tenancy(
        organisation="organisation", owner="client__service_user", all_rows_perm="manage_api_clients"
    )


class WebhookSubscription(models.Model):
    """A client's wish to be told of its organisation's events at an address of its own (https)."""

    client = models.ForeignKey(ApiClient, on_delete=models.CASCADE, related_name="subscriptions")
    # Whose events: the client's own organisation, or one an operator-wide client serves.
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="webhook_subscriptions"
    )
    url = models.URLField(_("address"), max_length=500)
    events = models.JSONField(default=list)
    # Encrypted with the field keys (core/crypto.py): needed in clear to sign each delivery.
    secret_encrypted = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = WebhookSubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.url


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("waiting")
    DELIVERED = "delivered", _("delivered")
    RETRYING = "retrying", _("failed, will try again")
    FAILED = "failed", _("failed, given up")


class WebhookDelivery(models.Model):
    """One event for one subscription, and every attempt to hand it over: the delivery log."""

    subscription = models.ForeignKey(WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=80)
    payload = models.JSONField()
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.event} {self.pk}"
