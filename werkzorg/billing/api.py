"""Billing for machine clients and scripts: the vitality budget (reports role), the collective statements
(the main account holder's own session: a client holds roles, never the main account holder's rights), and
for a care provider its own invoices: submit, and follow their status."""

from __future__ import annotations

import base64
import binascii
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from werkzorg.access import Perm
from werkzorg.access.api import OrgPermission
from werkzorg.billing import services
from werkzorg.billing.models import (
    VAT_RATES,
    CollectiveStatement,
    InvoiceLine,
    ProviderInvoice,
    StatementLine,
)
from werkzorg.core.errors import DomainError


class MonthSerializer(serializers.Serializer):
    month = serializers.DateField()
    remaining = serializers.DecimalField(max_digits=14, decimal_places=2)


class BudgetSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    amount = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    used = serializers.DecimalField(max_digits=14, decimal_places=2)
    pending = serializers.DecimalField(max_digits=14, decimal_places=2)
    remaining = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    months = MonthSerializer(many=True)


class BudgetAPI(APIView):
    """The vitality budget of a year (default: this year): used, waiting for the desk, remaining per month."""

    permission_classes = [OrgPermission]
    required_perm = Perm.REPORTS

    @extend_schema(
        parameters=[OpenApiParameter("year", int, required=False)], responses={200: BudgetSerializer}
    )
    def get(self, request: Request, org: str) -> Response:
        raw = request.query_params.get("year", "")
        year = int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else timezone.localdate().year
        overview = services.budget_overview(request.actor, year)  # type: ignore[attr-defined]
        data = {
            "year": overview.year,
            "amount": overview.amount,
            "used": overview.used,
            "pending": overview.pending,
            "remaining": overview.remaining,
            "months": [{"month": month, "remaining": value} for month, value in overview.months],
        }
        return Response(BudgetSerializer(data).data)


class CollectiveStatementLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = StatementLine
        fields = [
            "position", "kind", "request_number", "intervention", "provider", "period", "description",
            "gross", "offset", "net", "payer", "to_pay",
        ]  # fmt: skip
        read_only_fields = fields


class CollectiveStatementSerializer(serializers.ModelSerializer):
    collectivity_number = serializers.CharField(
        source="collectivity.collectivity_number", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = CollectiveStatement
        fields = [
            "id", "number", "year", "quarter", "collectivity_number", "issued_at", "total", "line_count",
            "headcount", "headcount_date", "paid_at",
        ]  # fmt: skip
        read_only_fields = fields


class CollectiveStatementDetailSerializer(CollectiveStatementSerializer):
    lines = serializers.SerializerMethodField()

    class Meta(CollectiveStatementSerializer.Meta):
        fields = [*CollectiveStatementSerializer.Meta.fields, "lines"]
        read_only_fields = fields

    @extend_schema(responses=CollectiveStatementLineSerializer(many=True))
    def get_lines(self, statement: CollectiveStatement) -> list[dict[str, Any]]:
        return CollectiveStatementLineSerializer(services.statement_lines(statement), many=True).data  # type: ignore[return-value]


class StatementListAPI(generics.ListAPIView):
    """The organisation's collective statements, newest quarter first."""

    serializer_class = CollectiveStatementSerializer
    permission_classes = [OrgPermission]
    required_perm = Perm.BILLING_STATEMENTS

    def get_queryset(self) -> QuerySet[CollectiveStatement]:
        return services.issued_statements(self.request.actor)  # type: ignore[attr-defined]


class StatementDetailAPI(generics.RetrieveAPIView):
    """One statement with all its lines (as issued; it never changes)."""

    serializer_class = CollectiveStatementDetailSerializer
    permission_classes = [OrgPermission]
    required_perm = Perm.BILLING_STATEMENTS

    def get_object(self) -> CollectiveStatement:
        return services.statement_detail(self.request.actor, self.kwargs["collective_statement_id"])  # type: ignore[attr-defined]


class InvoiceLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = InvoiceLine
        fields = [
            "kind", "description", "service_date", "amount_excl_vat", "vat_rate", "vat", "gross", "offset",
            "net", "payer",
        ]  # fmt: skip
        read_only_fields = fields


class ProviderInvoiceSerializer(serializers.ModelSerializer):
    request_number = serializers.CharField(source="request.number", read_only=True)
    lines = InvoiceLineSerializer(many=True, read_only=True)

    class Meta:
        model = ProviderInvoice
        fields = [
            "id", "number", "request_number", "invoice_date", "period_start", "period_end", "status",
            "reason", "payment_due", "paid_at", "claim_status", "claim_reimbursed", "total_excl_vat",
            "total_vat", "total_gross", "total_offset", "total_net", "lines",
        ]  # fmt: skip
        read_only_fields = fields


class ThirdPartySerializer(serializers.Serializer):
    description = serializers.CharField(max_length=200)
    amount_excl_vat = serializers.DecimalField(max_digits=10, decimal_places=2, min_value=0)
    vat_rate = serializers.ChoiceField(choices=[str(rate) for rate, _label in VAT_RATES])
    service_date = serializers.DateField()


class OffsetSerializer(serializers.Serializer):
    appointment = serializers.IntegerField(min_value=1)
    amount = serializers.DecimalField(max_digits=10, decimal_places=2, min_value=0)


class InvoiceSubmitSerializer(serializers.Serializer):
    request_id = serializers.IntegerField(min_value=1)
    number = serializers.CharField(max_length=40)
    invoice_date = serializers.DateField()
    file_name = serializers.CharField(max_length=200)
    file_base64 = serializers.CharField(
        help_text="The original invoice, a PDF of at most 10 MB, base64-encoded."
    )
    appointments = serializers.ListField(
        child=serializers.IntegerField(min_value=1), required=False, default=list
    )
    offsets = OffsetSerializer(many=True, required=False, default=list)
    third_party = ThirdPartySerializer(many=True, required=False, default=list)


class ProviderInvoiceListAPI(generics.ListCreateAPIView):
    """A care provider's own invoices, newest first; POST submits one (checked as in the portal)."""

    serializer_class = ProviderInvoiceSerializer
    permission_classes = [OrgPermission]
    required_perm = Perm.PROVIDER_WORK

    def get_queryset(self) -> QuerySet[ProviderInvoice]:
        return services.provider_invoices(self.request.actor).prefetch_related("lines")  # type: ignore[attr-defined]

    @extend_schema(request=InvoiceSubmitSerializer, responses={201: ProviderInvoiceSerializer})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        given = InvoiceSubmitSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        try:
            content = base64.b64decode(data["file_base64"], validate=True)
        except (binascii.Error, ValueError) as error:
            raise DomainError(_("The file is not valid base64."), field="file_base64") from error
        invoice = services.submit_invoice(
            actor=request.actor,  # type: ignore[attr-defined]
            draft=services.InvoiceDraft(
                request_id=data["request_id"],
                number=data["number"],
                invoice_date=data["invoice_date"],
                file_name=data["file_name"],
                content=content,
                appointment_ids=data["appointments"],
                offsets={o["appointment"]: o["amount"] for o in data["offsets"]},
                third_party=[
                    services.ThirdPartyCost(
                        c["description"], c["amount_excl_vat"], Decimal(c["vat_rate"]), c["service_date"]
                    )
                    for c in data["third_party"]
                ],
            ),
        )
        return Response(ProviderInvoiceSerializer(invoice).data, status=status.HTTP_201_CREATED)


class ProviderInvoiceDetailAPI(generics.RetrieveAPIView):
    """One of the provider's invoices with its lines and status."""

    serializer_class = ProviderInvoiceSerializer
    permission_classes = [OrgPermission]
    required_perm = Perm.PROVIDER_WORK

    def get_object(self) -> ProviderInvoice:
        return services.provider_invoice(self.request.actor, self.kwargs["invoice_id"])  # type: ignore[attr-defined]


urlpatterns = [
    path("o/<slug:org>/vitaliteitsbudget/", BudgetAPI.as_view(), name="billing-budget"),
    path("o/<slug:org>/verzamelbladen/", StatementListAPI.as_view(), name="billing-statement-list"),
    path(
        "o/<slug:org>/verzamelbladen/<int:collective_statement_id>/",
        StatementDetailAPI.as_view(),
        name="billing-statement-detail",
    ),
    path("o/<slug:org>/facturen/", ProviderInvoiceListAPI.as_view(), name="billing-invoice-list"),
    path(
        "o/<slug:org>/facturen/<int:invoice_id>/",
        ProviderInvoiceDetailAPI.as_view(),
        name="billing-invoice-detail",
    ),
]
