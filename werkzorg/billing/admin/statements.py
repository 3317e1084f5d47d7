"""Issued collective statements at the desk: read only (they never change), the PDF, payment received."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkzorg.access import Perm
from werkzorg.billing import services
from werkzorg.billing.admin.common import StoredFileAdmin
from werkzorg.billing.models import BillingEvent, CollectiveStatement


@admin.register(CollectiveStatement)
class CollectiveStatementAdmin(StoredFileAdmin):
    desk_perm = Perm.DESK_BILLING
    file_event = BillingEvent.STATEMENT_READ
    read_only = True
    list_display = ["number", "organisation", "year", "quarter", "total", "line_count", "paid_at", "pdf_link"]
    list_filter = ["year", "quarter"]
    search_fields = ["number", "organisation__name"]
    exclude = ["pdf"]
    actions = ["mark_paid"]

    @admin.display(description="PDF")
    def pdf_link(self, obj: CollectiveStatement) -> str:
        return format_html(
            '<a href="{}">PDF</a>', reverse("admin:billing_collectivestatement_pdf", args=[obj.pk])
        )

    def get_urls(self) -> list[URLPattern]:
        own = [
            path(
                "<int:pk>/pdf/",
                self.admin_site.admin_view(self.file_view),
                name="billing_collectivestatement_pdf",
            )
        ]
        return own + super().get_urls()

    def file_of(self, obj: CollectiveStatement) -> tuple[str, bytes]:
        return f"verzamelblad-{obj.number}.pdf", bytes(obj.pdf or b"")

    @admin.action(description=gettext_lazy("Mark the selected statements as paid by the employer"))
    def mark_paid(self, request: HttpRequest, queryset: QuerySet[CollectiveStatement]) -> None:
        for statement in queryset.filter(paid_at__isnull=True).defer("pdf"):
            services.mark_statement_paid(actor=self.actor(request), statement_id=statement.pk)
            self.message_user(request, _("Paid: %(statement)s") % {"statement": statement})

    def get_queryset(self, request: HttpRequest) -> QuerySet[CollectiveStatement]:
        return super().get_queryset(request).defer("pdf").select_related("organisation")
