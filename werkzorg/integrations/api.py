"""A client's webhook subscriptions and their delivery log, through the API (clients only)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from werkzorg.access import Perm, get_or_404, scope
from werkzorg.access.api import OrgPermission, PersonOrClient
from werkzorg.core.api import IdempotentCreateMixin
from werkzorg.integrations import services
from werkzorg.integrations.models import WebhookDelivery, WebhookSubscription
from werkzorg.integrations.webhooks import EVENTS, address_refused


class SubscriptionSerializer(serializers.ModelSerializer):
    events = serializers.ListField(child=serializers.CharField(), min_length=1)

    class Meta:
        model = WebhookSubscription
        fields = ["id", "url", "events", "created_at"]
        read_only_fields = ["id", "created_at"]

    def validate_events(self, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - set(EVENTS))
        if unknown:
            raise serializers.ValidationError(
                _("Unknown events: %(events)s.") % {"events": ", ".join(unknown)}
            )
        return sorted(set(value))

    def validate_url(self, value: str) -> str:
        refused = address_refused(value)
        if refused:
            raise serializers.ValidationError(_("This address cannot be called: %(why)s.") % {"why": refused})
        return value


class CreatedSubscriptionSerializer(SubscriptionSerializer):
    secret = serializers.CharField(read_only=True, help_text="The signing secret: shown in this answer only.")

    class Meta(SubscriptionSerializer.Meta):
        fields = [*SubscriptionSerializer.Meta.fields, "secret"]


class DeliverySerializer(serializers.ModelSerializer):
    # Declared, so the schema is the same on every database (a model's small integer has a
    # database-specific range, which would change the documented format).
    attempts = serializers.IntegerField(read_only=True)
    last_status_code = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = WebhookDelivery
        fields = [
            "id",
            "event",
            "payload",
            "status",
            "attempts",
            "last_status_code",
            "last_error",
            "next_attempt_at",
            "delivered_at",
            "created_at",
        ]


class ClientView(generics.GenericAPIView):
    permission_classes = [OrgPermission]
    required_perm = Perm.VIEW_ORGANISATION
    clients_only = True

    def subscriptions(self) -> QuerySet[WebhookSubscription]:
        actor = self.request.actor  # type: ignore[attr-defined]
        return scope(WebhookSubscription, actor).filter(deleted_at__isnull=True)


class SubscriptionListAPI(ClientView, IdempotentCreateMixin, generics.ListCreateAPIView):
    """The client's webhook subscriptions; POST subscribes an https address to events (the answer holds the
    signing secret, once)."""

    serializer_class = SubscriptionSerializer

    def get_queryset(self) -> QuerySet[WebhookSubscription]:
        return self.subscriptions()

    @extend_schema(request=SubscriptionSerializer, responses={201: CreatedSubscriptionSerializer})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.create(request, *args, **kwargs)

    def perform_create(self, serializer: Any) -> None:
        serializer.instance, self._secret = services.subscribe(
            actor=self.request.actor,  # type: ignore[attr-defined]
            url=serializer.validated_data["url"],
            events=serializer.validated_data["events"],
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().create(request, *args, **kwargs)
        if response.status_code == 201:  # the signing secret, in this answer only
            response.data = {**response.data, "secret": self._secret}
        return response


class SubscriptionDetailAPI(ClientView, generics.RetrieveDestroyAPIView):
    """One subscription; DELETE ends it (its delivery log stays)."""

    serializer_class = SubscriptionSerializer

    def get_object(self) -> WebhookSubscription:
        actor = self.request.actor  # type: ignore[attr-defined]
        subscription: WebhookSubscription = get_or_404(
            self.subscriptions(), actor, pk=self.kwargs["subscription_id"]
        )
        return subscription

    def perform_destroy(self, instance: WebhookSubscription) -> None:
        services.unsubscribe(actor=self.request.actor, subscription=instance)  # type: ignore[attr-defined]


class DeliveryListAPI(ClientView, generics.ListAPIView):
    """The delivery log of one subscription, newest first: what was sent, how often, what came back."""

    serializer_class = DeliverySerializer

    def get_queryset(self) -> QuerySet[WebhookDelivery]:
        subscription = get_or_404(self.subscriptions(), self.request.actor, pk=self.kwargs["subscription_id"])  # type: ignore[attr-defined]
        return subscription.deliveries.all()


class EventListAPI(APIView):
    """The events a client can subscribe to, with what each means."""

    permission_classes = [PersonOrClient]

    @extend_schema(
        responses=inline_serializer(
            "WebhookEvent", {"event": serializers.CharField(), "meaning": serializers.CharField()}, many=True
        )
    )
    def get(self, request: Request) -> Response:
        return Response([{"event": name, "meaning": meaning} for name, meaning in sorted(EVENTS.items())])


urlpatterns = [
    path("webhook-events/", EventListAPI.as_view(), name="webhook-events"),
    path("o/<slug:org>/webhooks/", SubscriptionListAPI.as_view(), name="webhook-list"),
    path(
        "o/<slug:org>/webhooks/<int:subscription_id>/", SubscriptionDetailAPI.as_view(), name="webhook-detail"
    ),
    path(
        "o/<slug:org>/webhooks/<int:subscription_id>/leveringen/",
        DeliveryListAPI.as_view(),
        name="webhook-deliveries",
    ),
]
