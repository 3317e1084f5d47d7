from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from werkzorg.access import Perm
from werkzorg.access.api import OrgPermission
from werkzorg.core.api import ETagMixin, IdempotentCreateMixin
from werkzorg.employees import services
from werkzorg.employees.forms import EMPLOYEE_FIELDS, EmployeeForm
from werkzorg.employees.models import Employee


class EmployeeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Employee
        fields = ["id", *EMPLOYEE_FIELDS]
        read_only_fields = ["id"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """The page's form decides, so the API accepts and refuses exactly what the page does."""
        form = EmployeeForm(data={f: self.initial_data.get(f, "") for f in EMPLOYEE_FIELDS})
        if not form.is_valid():
            raise serializers.ValidationError(
                {f: [str(e) for e in errors] for f, errors in form.errors.items()}
            )
        return form.cleaned_data


IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    str,
    OpenApiParameter.HEADER,
    description="Any unique text per new employee: a retried call with the same key creates nothing twice.",
)


class EmployeeListAPI(IdempotentCreateMixin, generics.ListCreateAPIView):
    """The organisation's employee register (employed people; `?q=` searches, `?alle=1` includes former),
    by cursor pages in id order; POST adds a person (the insurance or absence role, or the superuser)."""

    serializer_class = EmployeeSerializer
    permission_classes = [OrgPermission]
    required_perm = Perm.VIEW_EMPLOYEES
    required_perm_by_method = {"POST": Perm.MANAGE_EMPLOYEES}

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, description="Words to find in number, name, e-mail or department."),
            OpenApiParameter("alle", str, enum=["1"], description="1: former employees too."),
        ]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.list(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Employee]:
        return services.list_employees(
            actor=self.request.actor,  # type: ignore[attr-defined]
            search=self.request.query_params.get("q", "")[:100],
            include_former=self.request.query_params.get("alle") == "1",
            bulk_read=f"api page {self.request.query_params.get('cursor', 'first')[:40]}",
        )

    @extend_schema(parameters=[IDEMPOTENCY_KEY], responses={201: EmployeeSerializer})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.create(request, *args, **kwargs)

    def perform_create(self, serializer: Any) -> None:
        serializer.instance = services.create_employee(
            actor=self.request.actor,  # type: ignore[attr-defined]
            data=serializer.validated_data,
        )


class EmployeeDetailAPI(ETagMixin, generics.RetrieveAPIView):
    """One person (the read is audited); `If-None-Match` with the ETag of an earlier read gives 304."""

    serializer_class = EmployeeSerializer
    permission_classes = [OrgPermission]
    required_perm = Perm.VIEW_EMPLOYEES

    def get_object(self) -> Any:
        return services.read_employee(actor=self.request.actor, employee_id=self.kwargs["pk"])  # type: ignore[attr-defined]


urlpatterns = [
    path("o/<slug:org>/medewerkers/", EmployeeListAPI.as_view(), name="employee-list"),
    path("o/<slug:org>/medewerkers/<int:pk>/", EmployeeDetailAPI.as_view(), name="employee-detail"),
]
