"""Vitality budgets, and deciding on declared invoices (approve, or reject with a reason the employer
reads). Decisions go through `services.decide`; the PDF is opened from the list."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkzorg.access import Perm
from werkzorg.billing import services
from werkzorg.billing.admin.common import RejectForm, StoredFileAdmin, action_form
from werkzorg.billing.models import BillingEvent, Declaration, DeclarationStatus, VitalityBudget
from werkzorg.core.errors import DomainError
from werkzorg.desk.admin import DeskModelAdmin


@admin.register(VitalityBudget)
class VitalityBudgetAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_BILLING
    list_display = ["organisation", "year", "amount"]
    list_filter = ["year"]


@admin.register(Declaration)
class DeclarationAdmin(StoredFileAdmin):
    desk_perm = Perm.DESK_BILLING
    file_event = BillingEvent.DECLARATION_FILE_READ
    read_only = True  # decided through the actions, never edited
    list_display = [
        "provider_name",
        "invoice_number",
        "organisation",
        "invoice_date",
        "amount",
        "status",
        "pdf",
    ]
    list_filter = ["status", "category"]
    search_fields = ["provider_name", "invoice_number", "organisation__name"]
    exclude = ["file"]
    actions = ["approve", "reject"]

    @admin.display(description=gettext_lazy("invoice"))
    def pdf(self, obj: Declaration) -> str:
        return format_html('<a href="{}">PDF</a>', reverse("admin:billing_declaration_pdf", args=[obj.pk]))

    def get_urls(self) -> list[URLPattern]:
        own = [
            path("<int:pk>/pdf/", self.admin_site.admin_view(self.file_view), name="billing_declaration_pdf")
        ]
        return own + super().get_urls()

    @admin.action(description=gettext_lazy("Approve the selected declarations"))
    def approve(self, request: HttpRequest, queryset: QuerySet[Declaration]) -> None:
        self._decide(request, queryset, approve=True, reason="")

    @admin.action(description=gettext_lazy("Reject the selected declarations (with a reason)"))
    def reject(self, request: HttpRequest, queryset: QuerySet[Declaration]) -> HttpResponse | None:
        form = RejectForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            self._decide(request, queryset, approve=False, reason=form.cleaned_data["reason"])
            return None
        return action_form(
            self, request, form, queryset, action="reject", title=_("Reject declarations"), button=_("Reject")
        )

    def _decide(
        self, request: HttpRequest, queryset: QuerySet[Declaration], *, approve: bool, reason: str
    ) -> None:
        for declaration in queryset.filter(status=DeclarationStatus.SUBMITTED):
            try:
                services.decide(
                    actor=self.actor(request), declaration=declaration, approve=approve, reason=reason
                )
            except DomainError as error:
                self.message_user(request, f"{declaration}: {error.message}", messages.ERROR)
            else:
                self.message_user(request, _("Decided: %(declaration)s") % {"declaration": declaration})

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).defer("file").select_related("organisation")
