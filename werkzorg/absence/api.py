"""Absence for machine clients (an HR system, an absence insurer): files, sick and recovery reports,
employer side only. Nothing medical is in the API: no serializer here reads a medical model."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.urls import path
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from werkzorg.absence import queries
from werkzorg.absence.models import SAFETY_NET_CHOICES, AbsenceFile, ExpectedDuration
from werkzorg.absence.services import files as file_services
from werkzorg.access import Perm, scope
from werkzorg.access.api import OrgPermission
from werkzorg.core.errors import NotFound
from werkzorg.employees.models import Employee


class PeriodSerializer(serializers.Serializer):
    start = serializers.DateField()
    recovered_on = serializers.DateField(allow_null=True)


class StepSerializer(serializers.Serializer):
    step = serializers.CharField()
    sequence = serializers.IntegerField()
    due = serializers.DateField(allow_null=True)
    state = serializers.CharField()
    owner = serializers.CharField()
    done_on = serializers.DateField(allow_null=True)


class AbsenceFileSerializer(serializers.ModelSerializer):
    employee_number = serializers.CharField(source="employee.employee_number", read_only=True)
    periods = PeriodSerializer(many=True, read_only=True)

    class Meta:
        model = AbsenceFile
        fields = [
            "id",
            "employee_number",
            "first_sick_day",
            "recovered_on",
            "current_degree",
            "expected_duration",
            "work_accident",
            "third_party_liable",
            "safety_net",
            "state_pension_age",
            "employment_end",
            "periods",
        ]
        read_only_fields = fields


class AbsenceFileDetailSerializer(AbsenceFileSerializer):
    timeline = serializers.SerializerMethodField()

    class Meta(AbsenceFileSerializer.Meta):
        fields = [*AbsenceFileSerializer.Meta.fields, "timeline"]
        read_only_fields = fields

    @extend_schema(responses=StepSerializer(many=True))
    def get_timeline(self, file: AbsenceFile) -> list[dict[str, Any]]:
        steps = queries.timeline_of(file, timezone.localdate())
        return [
            {"step": s.step.value, "sequence": s.sequence, "due": s.due, "state": s.state.value,
             "owner": s.owner.value, "done_on": s.done_on}
            for s in steps
        ]  # fmt: skip


class SickReportSerializer(serializers.Serializer):
    employee_number = serializers.CharField(max_length=30)
    first_sick_day = serializers.DateField()
    expected_duration = serializers.ChoiceField(choices=ExpectedDuration.choices, required=False, default="")
    work_accident = serializers.BooleanField(required=False, default=False)
    third_party_liable = serializers.BooleanField(required=False, default=False)
    safety_net = serializers.ChoiceField(choices=SAFETY_NET_CHOICES, required=False, default="")


class RecoverySerializer(serializers.Serializer):
    recovered_on = serializers.DateField(help_text="The first day the employee works fully again.")


class PartialRecoverySerializer(serializers.Serializer):
    effective_from = serializers.DateField()
    percentage = serializers.IntegerField(min_value=1, max_value=99, help_text="Absence that remains (%).")


class AbsenceFileListAPI(generics.ListAPIView):
    """Absence files, newest first; `status=open` for those still (partly) sick."""

    serializer_class = AbsenceFileSerializer
    permission_classes = [OrgPermission]
    required_perm = Perm.ABSENCE

    def get_queryset(self) -> QuerySet[AbsenceFile]:
        state = self.request.query_params.get("status", "all")
        actor = self.request.actor  # type: ignore[attr-defined]
        return queries.list_files(actor, state=state if state in {"open", "recovered"} else "all")


class AbsenceFileDetailAPI(generics.RetrieveAPIView):
    """One file with its Poortwachter timeline (the read is audited)."""

    serializer_class = AbsenceFileDetailSerializer
    permission_classes = [OrgPermission]
    required_perm = Perm.ABSENCE

    def get_object(self) -> Any:
        return queries.file_page(self.request.actor, self.kwargs["file_id"], timezone.localdate())["file"]  # type: ignore[attr-defined]


class SickReportAPI(APIView):
    """Report an employee sick; within four weeks of a recovery it continues that file (201 either way)."""

    permission_classes = [OrgPermission]
    required_perm = Perm.ABSENCE

    @extend_schema(request=SickReportSerializer, responses={201: AbsenceFileSerializer})
    def post(self, request: Request, org: str) -> Response:
        given = SickReportSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = dict(given.validated_data)
        actor = request.actor  # type: ignore[attr-defined]
        employee = scope(Employee, actor).filter(employee_number=data.pop("employee_number")).first()
        if employee is None:
            raise NotFound()
        file, _relapse = file_services.report_sick(
            actor=actor, employee=employee, report=file_services.SickReport(**data)
        )
        return Response(AbsenceFileSerializer(file).data, status=status.HTTP_201_CREATED)


class RecoveryAPI(APIView):
    """Full recovery: the first day fully back at work."""

    permission_classes = [OrgPermission]
    required_perm = Perm.ABSENCE

    @extend_schema(request=RecoverySerializer, responses={200: AbsenceFileSerializer})
    def post(self, request: Request, org: str, file_id: int) -> Response:
        given = RecoverySerializer(data=request.data)
        given.is_valid(raise_exception=True)
        file = queries.get_file(request.actor, file_id)  # type: ignore[attr-defined]
        done = file_services.report_recovery(actor=request.actor, file=file, **given.validated_data)  # type: ignore[attr-defined]
        return Response(AbsenceFileSerializer(done).data)


class PartialRecoveryAPI(APIView):
    """Partial recovery: from a date the employee is this much absent; the timeline runs on."""

    permission_classes = [OrgPermission]
    required_perm = Perm.ABSENCE

    @extend_schema(request=PartialRecoverySerializer, responses={200: AbsenceFileSerializer})
    def post(self, request: Request, org: str, file_id: int) -> Response:
        given = PartialRecoverySerializer(data=request.data)
        given.is_valid(raise_exception=True)
        file = queries.get_file(request.actor, file_id)  # type: ignore[attr-defined]
        file_services.report_partial_recovery(actor=request.actor, file=file, **given.validated_data)  # type: ignore[attr-defined]
        file.refresh_from_db()
        return Response(AbsenceFileSerializer(file).data)


urlpatterns = [
    path("o/<slug:org>/verzuim/", AbsenceFileListAPI.as_view(), name="absence-file-list"),
    path("o/<slug:org>/verzuim/ziekmelding/", SickReportAPI.as_view(), name="absence-report"),
    path("o/<slug:org>/verzuim/<int:file_id>/", AbsenceFileDetailAPI.as_view(), name="absence-file-detail"),
    path("o/<slug:org>/verzuim/<int:file_id>/hersteld/", RecoveryAPI.as_view(), name="absence-recovery"),
    path(
        "o/<slug:org>/verzuim/<int:file_id>/deels-hersteld/",
        PartialRecoveryAPI.as_view(),
        name="absence-partial",
    ),
]
