from __future__ import annotations

from django.db.models import QuerySet
from django.urls import path
from rest_framework import generics, serializers

from werkzorg.access import Perm
from werkzorg.access.api import OrgPermission
from werkzorg.interventions import queries
from werkzorg.interventions.models import InterventionRequest


class RequestSerializer(serializers.ModelSerializer):
    """Progress only: the employer's API never carries the employee's contact details."""

    intervention = serializers.CharField(source="intervention.title")
    provider = serializers.CharField(source="provider.name")

    class Meta:
        model = InterventionRequest
        fields = [
            "id",
            "number",
            "intervention",
            "category",
            "provider",
            "status",
            "cancel_reason",
            "created_at",
            "consented_at",
            "first_appointment_at",
            "completed_at",
        ]


class RequestListAPI(generics.ListAPIView):
    """The organisation's intervention requests (a requester's own, or all for a superuser)."""

    serializer_class = RequestSerializer
    permission_classes = [OrgPermission]
    required_perm = Perm.VIEW_INTERVENTIONS

    def get_queryset(self) -> QuerySet[InterventionRequest]:
        requests = queries.visible_requests(self.request.actor)  # type: ignore[attr-defined]
        return requests.select_related(None).select_related("intervention", "provider")  # what a row shows


class WorklistAPI(generics.ListAPIView):
    """A care provider's forwarded requests; requests still waiting for consent never appear."""

    serializer_class = RequestSerializer
    permission_classes = [OrgPermission]
    required_perm = Perm.PROVIDER_WORK

    def get_queryset(self) -> QuerySet[InterventionRequest]:
        return (
            queries.provider_requests(self.request.actor)  # type: ignore[attr-defined]
            .select_related("intervention", "provider")
            .order_by("-forwarded_at", "-pk")
        )


urlpatterns = [
    path("o/<slug:org>/interventies/", RequestListAPI.as_view(), name="intervention-list"),
    path("o/<slug:org>/werklijst/", WorklistAPI.as_view(), name="worklist"),
]
