from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.urls import path
from rest_framework import generics, serializers

from werkzorg.access import Perm
from werkzorg.access.api import OrgPermission
from werkzorg.employees import services
from werkzorg.employees.forms import EMPLOYEE_FIELDS
from werkzorg.employees.models import Employee


class EmployeeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Employee
        fields = ["id", *EMPLOYEE_FIELDS]


class EmployeeListAPI(generics.ListAPIView):
    """The organisation's employee register (employed people; `?q=` searches, `?alle=1` includes former)."""

    serializer_class = EmployeeSerializer
    permission_classes = [OrgPermission]
    required_perm = Perm.VIEW_EMPLOYEES

    def get_queryset(self) -> QuerySet[Employee]:
        return services.list_employees(
            actor=self.request.actor,  # type: ignore[attr-defined]
            search=self.request.query_params.get("q", "")[:100],
            include_former=self.request.query_params.get("alle") == "1",
            bulk_read=f"api page {self.request.query_params.get('page', '1')[:10]}",
        )


class EmployeeDetailAPI(generics.RetrieveAPIView):
    serializer_class = EmployeeSerializer
    permission_classes = [OrgPermission]
    required_perm = Perm.VIEW_EMPLOYEES

    def get_object(self) -> Any:
        return services.read_employee(actor=self.request.actor, employee_id=self.kwargs["pk"])  # type: ignore[attr-defined]


urlpatterns = [
    path("o/<slug:org>/medewerkers/", EmployeeListAPI.as_view(), name="employee-list"),
    path("o/<slug:org>/medewerkers/<int:pk>/", EmployeeDetailAPI.as_view(), name="employee-detail"),
]
