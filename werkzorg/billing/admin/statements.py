"""Issued collective statements at the desk: read only (they never change), the PDF, payment received."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkzorg.access import Perm
from werkzorg.audit.services import record
from werkzorg.billing import services
from werkzorg.billing.models import BillingEvent, CollectiveStatement
from werkzorg.core.errors import NotFound
from werkzorg.desk.admin import DeskModelAdmin


@admin.register(CollectiveStatement)
class CollectiveStatementAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_BILLING
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
                self.admin_site.admin_view(self.pdf_view),
                name="billing_collectivestatement_pdf",
            )
        ]
        return own + super().get_urls()

    def pdf_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        found = CollectiveStatement.objects.filter(pk=pk).first() if self._allowed(request) else None
        if found is None:
            raise NotFound()
        record(
            BillingEvent.STATEMENT_READ, actor=self.actor(request), organisation=found.organisation, obj=found
        )
        response = HttpResponse(bytes(found.pdf or b""), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="verzamelblad-{found.number}.pdf"'
        return response

    @admin.action(description=gettext_lazy("Mark the selected statements as paid by the employer"))
    def mark_paid(self, request: HttpRequest, queryset: QuerySet[CollectiveStatement]) -> None:
        for statement in queryset.filter(paid_at__isnull=True).defer("pdf"):
            services.mark_statement_paid(actor=self.actor(request), statement_id=statement.pk)
            self.message_user(request, _("Paid: %(statement)s") % {"statement": statement})

    def get_queryset(self, request: HttpRequest) -> QuerySet[CollectiveStatement]:
        return super().get_queryset(request).defer("pdf").select_related("organisation")
