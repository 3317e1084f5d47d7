"""Provider invoices at the desk: open the original, approve (payment is scheduled), reject with a reason
the provider reads, correct a line before approval or the amount afterwards (on the next statement);
payment runs: export the due payments as a SEPA file, download it, mark the run paid."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkzorg.access import Perm
from werkzorg.billing import services
from werkzorg.billing.admin.common import RejectForm, StoredFileAdmin, action_form
from werkzorg.billing.models import (
    Adjustment,
    BillingEvent,
    InvoiceLine,
    InvoiceStatus,
    Payer,
    PaymentBatch,
    ProviderInvoice,
)
from werkzorg.billing.views.files import attachment
from werkzorg.core.errors import DomainError, NotFound
from werkzorg.core.forms import date_field
from werkzorg.desk.admin import DeskModelAdmin

LINE_FIELDS = (
    "service_date",
    "kind",
    "description",
    "amount_excl_vat",
    "vat",
    "gross",
    "offset",
    "net",
    "payer",
)


class LineInline(admin.TabularInline):
    model = InvoiceLine
    extra = 0
    can_delete = False
    fields = LINE_FIELDS
    readonly_fields = LINE_FIELDS

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class CorrectLineForm(forms.Form):
    line = forms.ModelChoiceField(label=gettext_lazy("Line"), queryset=InvoiceLine.objects.none())
    amount_excl_vat = forms.DecimalField(
        label=gettext_lazy("Amount excl. VAT (at most the invoiced amount)"), max_digits=10, decimal_places=2
    )
    payer = forms.ChoiceField(label=gettext_lazy("Payer"), choices=Payer.choices)
    reason = forms.CharField(label=gettext_lazy("Reason (the provider reads it)"), max_length=300)


class AdjustForm(forms.Form):
    amount = forms.DecimalField(
        label=gettext_lazy("Amount to bill the employer (negative: a credit)"),
        max_digits=10,
        decimal_places=2,
    )
    reason = forms.CharField(label=gettext_lazy("Reason (on the employer's statement)"), max_length=300)


class ExportForm(forms.Form):
    execution_date = date_field(gettext_lazy("Execution date"))


@admin.register(ProviderInvoice)
class ProviderInvoiceAdmin(StoredFileAdmin):
    desk_perm = Perm.DESK_BILLING
    file_event = BillingEvent.INVOICE_FILE_READ
    read_only = True  # decided and corrected through the actions, never edited
    list_display = ["number", "provider", "organisation", "invoice_date", "total_net", "status", "links"]
    list_filter = ["status", "claim_status"]
    search_fields = ["number", "provider__name", "organisation__name", "request__number"]
    exclude = ["file"]
    inlines = [LineInline]
    actions = ["approve", "reject", "correct_afterwards", "export_payments"]

    @admin.display(description=gettext_lazy("actions"))
    def links(self, obj: ProviderInvoice) -> str:
        pdf = reverse("admin:billing_providerinvoice_pdf", args=[obj.pk])
        if obj.status != InvoiceStatus.SUBMITTED:
            return format_html('<a href="{}">PDF</a>', pdf)
        correct = reverse("admin:billing_providerinvoice_correct", args=[obj.pk])
        return format_html('<a href="{}">PDF</a> · <a href="{}">{}</a>', pdf, correct, _("correct a line"))

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        own = [
            path("<int:pk>/pdf/", view(self.file_view), name="billing_providerinvoice_pdf"),
            path("<int:pk>/corrigeren/", view(self.correct_view), name="billing_providerinvoice_correct"),
        ]
        return own + super().get_urls()

    def correct_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        invoice = (
            ProviderInvoice.objects.filter(pk=pk).defer("file").first() if self._allowed(request) else None
        )
        if invoice is None:
            raise NotFound()
        form = CorrectLineForm(request.POST or None)
        form.fields["line"].queryset = invoice.lines.all()  # type: ignore[attr-defined]
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                services.correct_line(
                    actor=self.actor(request),
                    line_id=data["line"].pk,
                    amount_excl_vat=data["amount_excl_vat"],
                    payer=data["payer"],
                    reason=data["reason"],
                )
            except DomainError as error:
                self.message_user(request, str(error.message), messages.ERROR)
            else:
                self.message_user(request, _("Corrected: %(invoice)s") % {"invoice": invoice})
                return redirect("admin:billing_providerinvoice_change", invoice.pk)
        return action_form(
            self, request, form, list(invoice.lines.all()), action="",
            title=_("Correct a line of invoice %(number)s") % {"number": invoice.number}, button=_("Correct"),
        )  # fmt: skip

    @admin.action(description=gettext_lazy("Approve the selected invoices (schedules payment)"))
    def approve(self, request: HttpRequest, queryset: QuerySet[ProviderInvoice]) -> None:
        self._decide(request, queryset, approve=True, reason="")

    @admin.action(description=gettext_lazy("Reject the selected invoices (with a reason)"))
    def reject(self, request: HttpRequest, queryset: QuerySet[ProviderInvoice]) -> HttpResponse | None:
        form = RejectForm(request.POST if "reason" in request.POST else None)
        form.fields["reason"].label = _("Reason (the provider reads it)")
        if form.is_valid():
            self._decide(request, queryset, approve=False, reason=form.cleaned_data["reason"])
            return None
        return action_form(
            self, request, form, queryset, action="reject", title=_("Reject invoices"), button=_("Reject")
        )

    def _decide(
        self, request: HttpRequest, queryset: QuerySet[ProviderInvoice], *, approve: bool, reason: str
    ) -> None:
        for invoice in queryset.filter(status=InvoiceStatus.SUBMITTED).defer("file"):
            try:
                services.decide_invoice(
                    actor=self.actor(request), invoice_id=invoice.pk, approve=approve, reason=reason
                )
            except DomainError as error:
                self.message_user(request, f"{invoice}: {error.message}", messages.ERROR)
            else:
                self.message_user(request, _("Decided: %(invoice)s") % {"invoice": invoice})

    @admin.action(description=gettext_lazy("Correct an approved invoice on the next statement"))
    def correct_afterwards(
        self, request: HttpRequest, queryset: QuerySet[ProviderInvoice]
    ) -> HttpResponse | None:
        form = AdjustForm(request.POST if "amount" in request.POST else None)
        if form.is_valid():
            for invoice in queryset.defer("file"):
                try:
                    services.correct_after_approval(
                        actor=self.actor(request), invoice_id=invoice.pk, **form.cleaned_data
                    )
                except DomainError as error:
                    self.message_user(request, f"{invoice}: {error.message}", messages.ERROR)
                else:
                    self.message_user(request, _("Correction made: %(invoice)s") % {"invoice": invoice})
            return None
        return action_form(
            self, request, form, queryset.defer("file"), action="correct_afterwards",
            title=_("Correct approved invoices"), button=_("Correct"),
        )  # fmt: skip

    @admin.action(description=gettext_lazy("Export the payments that are due (SEPA file)"))
    def export_payments(
        self, request: HttpRequest, queryset: QuerySet[ProviderInvoice]
    ) -> HttpResponse | None:
        """Pays every approved invoice due by the date, whatever is selected: a run is complete or wrong."""
        form = ExportForm(
            request.POST if "execution_date" in request.POST else None,
            initial={"execution_date": timezone.localdate()},
        )
        if form.is_valid():
            try:
                batch = services.export_payments(
                    actor=self.actor(request), execution_date=form.cleaned_data["execution_date"]
                )
            except DomainError as error:
                self.message_user(request, str(error.message), messages.ERROR)
                return None
            missing = services.providers_without_account()
            if missing:
                self.message_user(
                    request,
                    _("No bank account registered, not paid: %(names)s") % {"names": ", ".join(missing)},
                    messages.WARNING,
                )
            return redirect("admin:billing_paymentbatch_change", batch.pk)
        return action_form(
            self, request, form, [], action="export_payments", title=_("Export payments"), button=_("Export"),
            intro=_("Every approved invoice due on or before the execution date is paid, one transfer per provider."),
        )  # fmt: skip

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).defer("file").select_related("provider", "organisation")


@admin.register(PaymentBatch)
class PaymentBatchAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_BILLING
    read_only = True
    list_display = ["created_at", "execution_date", "payment_count", "total", "paid_at", "xml_link"]
    exclude = ["xml"]
    actions = ["mark_paid"]

    @admin.display(description=gettext_lazy("SEPA file"))
    def xml_link(self, obj: PaymentBatch) -> str:
        return format_html(
            '<a href="{}">pain.001</a>', reverse("admin:billing_paymentbatch_xml", args=[obj.pk])
        )

    def get_urls(self) -> list[URLPattern]:
        own = [
            path("<int:pk>/xml/", self.admin_site.admin_view(self.xml_view), name="billing_paymentbatch_xml")
        ]
        return own + super().get_urls()

    def xml_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        found = PaymentBatch.objects.filter(pk=pk).first() if self._allowed(request) else None
        if found is None:
            raise NotFound()
        return attachment(f"betalingen-{found.pk}.xml", bytes(found.xml), "application/xml")

    @admin.action(description=gettext_lazy("Mark the selected payment runs as paid"))
    def mark_paid(self, request: HttpRequest, queryset: QuerySet[PaymentBatch]) -> None:
        for batch in queryset.filter(paid_at__isnull=True):
            services.mark_batch_paid(actor=self.actor(request), batch_id=batch.pk)
            self.message_user(request, _("Paid: %(batch)s") % {"batch": batch})


@admin.register(Adjustment)
class AdjustmentAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_BILLING
    read_only = True  # made by the services (a claim's outcome, the invoice action above)
    list_display = ["invoice", "organisation", "kind", "amount", "payer", "statement", "created_at"]
    list_filter = ["kind"]
