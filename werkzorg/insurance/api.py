"""The collective insurance for machine clients (a payroll or HR system): insured people, their mutations,
statements with their lines, and deregistration; under the same rights and collectivity scoping as the
pages. The BSN is never in the API."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from werkzorg.access import Perm, get_or_404, scope
from werkzorg.access.api import OrgPermission
from werkzorg.core.api import ETagMixin
from werkzorg.insurance import services
from werkzorg.insurance.filters import InsuredFilter
from werkzorg.insurance.models import InsuredPerson, Mutation, Statement, StatementLine


class InsuredSerializer(serializers.ModelSerializer):
    collectivity_number = serializers.CharField(source="collectivity.collectivity_number", read_only=True)
    policyholder = serializers.IntegerField(source="policyholder_id", read_only=True, allow_null=True)

    class Meta:
        model = InsuredPerson
        fields = [
            "id",
            "policy_number",
            "relation",
            "policyholder",
            "first_name",
            "name_prefix",
            "last_name",
            "date_of_birth",
            "employee_number",
            "collectivity_number",
            "start_date",
            "end_date",
        ]
        read_only_fields = fields


class MutationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Mutation
        fields = ["id", "kind", "effective_date", "entered_at", "reason", "premium_effect"]
        read_only_fields = fields


class StatementSerializer(serializers.ModelSerializer):
    collectivity_number = serializers.CharField(source="collectivity.collectivity_number", read_only=True)

    class Meta:
        model = Statement
        fields = [
            "id",
            "number",
            "collectivity_number",
            "month",
            "issued_at",
            "total_premium",
            "total_contribution",
            "total_withheld",
            "line_count",
        ]
        read_only_fields = fields


class StatementLineSerializer(serializers.ModelSerializer):
    product = serializers.CharField(source="product.code", read_only=True)

    class Meta:
        model = StatementLine
        fields = [
            "id",
            "insured",
            "holder_policy_number",
            "holder_employee_number",
            "policy_number",
            "relation",
            "product",
            "period",
            "kind",
            "days",
            "premium",
            "contribution",
            "withheld",
        ]
        read_only_fields = fields


class DeregisterSerializer(serializers.Serializer):
    end_date = serializers.DateField(help_text="The last day in the collectivity (inclusive).")
    reason = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class InsuredListAPI(generics.ListAPIView):
    """Insured people of the collectivities the caller may see, by cursor pages in id order; filters as
    on the page (`status`, `left_in`, `joined_in` as yyyy-mm, `relation`, `employee_number`...)."""

    serializer_class = InsuredSerializer
    permission_classes = [OrgPermission]
    required_perm = Perm.INSURANCE

    @extend_schema(
        parameters=[
            OpenApiParameter("status", str, enum=["current", "left", "future"], description="Who to list."),
            OpenApiParameter("left_in", str, description="Left in this month (yyyy-mm, last day inclusive)."),
            OpenApiParameter("joined_in", str, description="Joined in this month (yyyy-mm)."),
            OpenApiParameter("relation", str, enum=["policyholder", "partner", "child"]),
            OpenApiParameter("employee_number", str, description="Employee numbers starting with this."),
        ]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.list(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[InsuredPerson]:
        people = services.list_insured(actor=self.request.actor).select_related("collectivity")  # type: ignore[attr-defined]
        wanted = {k: v for k, v in self.request.query_params.items() if k in API_FILTERS}
        return InsuredFilter(wanted, queryset=people).qs


API_FILTERS = {"status", "left_in", "joined_in", "relation", "employee_number", "policy_number"}


class InsuredDetailAPI(ETagMixin, generics.RetrieveAPIView):
    """One insured person (the read is audited)."""

    serializer_class = InsuredSerializer
    permission_classes = [OrgPermission]
    required_perm = Perm.INSURANCE

    def get_object(self) -> Any:
        return services.read_insured(actor=self.request.actor, insured_id=self.kwargs["insured_id"])  # type: ignore[attr-defined]


class MutationListAPI(generics.ListAPIView):
    """Every mutation of one insured person, also those dated in the past."""

    serializer_class = MutationSerializer
    permission_classes = [OrgPermission]
    required_perm = Perm.INSURANCE

    def get_queryset(self) -> QuerySet[Mutation]:
        person = services.read_insured(actor=self.request.actor, insured_id=self.kwargs["insured_id"])  # type: ignore[attr-defined]
        return scope(Mutation, self.request.actor).filter(insured=person)  # type: ignore[attr-defined]


class DeregisterAPI(APIView):
    """Deregister an insured person (a policyholder with the family): the end date is inclusive."""

    permission_classes = [OrgPermission]
    required_perm = Perm.INSURANCE

    @extend_schema(request=DeregisterSerializer, responses={200: InsuredSerializer(many=True)})
    def post(self, request: Request, org: str, insured_id: int) -> Response:
        given = DeregisterSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        left = services.deregister(
            actor=request.actor,  # type: ignore[attr-defined]
            insured_id=insured_id,
            end_date=given.validated_data["end_date"],
            reason=given.validated_data["reason"],
        )
        return Response(InsuredSerializer(left, many=True).data, status=status.HTTP_200_OK)


class StatementListAPI(generics.ListAPIView):
    """Issued premium statements (newest last, by cursor on the id)."""

    serializer_class = StatementSerializer
    permission_classes = [OrgPermission]
    required_perm = Perm.INSURANCE

    def get_queryset(self) -> QuerySet[Statement]:
        return services.statements(self.request.actor)  # type: ignore[attr-defined]


class StatementDetailAPI(ETagMixin, generics.RetrieveAPIView):
    serializer_class = StatementSerializer
    permission_classes = [OrgPermission]
    required_perm = Perm.INSURANCE

    def get_object(self) -> Any:
        return services.get_statement(self.request.actor, self.kwargs["statement_id"])  # type: ignore[attr-defined]


class StatementLineListAPI(generics.ListAPIView):
    """The lines of one statement: per person, product and month (corrections name an earlier month)."""

    serializer_class = StatementLineSerializer
    permission_classes = [OrgPermission]
    required_perm = Perm.INSURANCE

    def get_queryset(self) -> QuerySet[StatementLine]:
        statement = get_or_404(Statement, self.request.actor, pk=self.kwargs["statement_id"])  # type: ignore[attr-defined]
        return statement.lines.select_related("product")


urlpatterns = [
    path("o/<slug:org>/verzekerden/", InsuredListAPI.as_view(), name="insured-list"),
    path("o/<slug:org>/verzekerden/<int:insured_id>/", InsuredDetailAPI.as_view(), name="insured-detail"),
    path(
        "o/<slug:org>/verzekerden/<int:insured_id>/mutaties/",
        MutationListAPI.as_view(),
        name="insured-mutations",
    ),
    path(
        "o/<slug:org>/verzekerden/<int:insured_id>/afmelden/",
        DeregisterAPI.as_view(),
        name="insured-deregister",
    ),
    path("o/<slug:org>/borderellen/", StatementListAPI.as_view(), name="statement-list"),
    path(
        "o/<slug:org>/borderellen/<int:statement_id>/", StatementDetailAPI.as_view(), name="statement-detail"
    ),
    path(
        "o/<slug:org>/borderellen/<int:statement_id>/regels/",
        StatementLineListAPI.as_view(),
        name="statement-lines",
    ),
]
