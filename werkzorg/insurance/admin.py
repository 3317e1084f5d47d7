"""The desk's side of the collective insurance: contracts and prices, products, registering insured people
(one at a time is the import of one row), issuing a month's statement on demand, invoices paid, and the
employers' change requests. Every write goes through a service or the desk's audited save."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkzorg.access import Perm
from werkzorg.core.errors import DomainError
from werkzorg.core.importer import handle_upload
from werkzorg.desk.admin import DeskModelAdmin, FileImportAdminMixin
from werkzorg.insurance import services
from werkzorg.insurance.models import (
    ChangeRequest,
    ContractDocument,
    ContractLink,
    ContractPrice,
    InsuranceContract,
    InsuredPerson,
    PremiumInvoice,
    Product,
    Statement,
)
from werkzorg.insurance.services.imports import import_insured
from werkzorg.insurance.services.links import confirm_link_by_desk


@admin.register(Product)
class ProductAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_INSURANCE
    list_display = ["code", "name", "kind"]


@admin.register(ContractPrice)
class ContractPriceAdmin(DeskModelAdmin):
    """A new price list is a new row from its date on: an old price stays as it was (statements use it)."""

    desk_perm = Perm.DESK_INSURANCE
    list_display = ["contract", "product", "valid_from", "monthly_premium", "employer_contribution"]
    list_filter = ["contract", "product"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None and super().has_change_permission(request)


@admin.register(ContractDocument)
class ContractDocumentAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_INSURANCE
    list_display = ["title", "year", "contract"]
    exclude = ["content"]


@admin.register(InsuranceContract)
class InsuranceContractAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_INSURANCE
    list_display = ["collectivity", "payment_method", "start_date", "end_date", "retroactive_months"]
    actions = ["issue_this_month"]

    @admin.action(description=gettext_lazy("Issue this month's statement (or invoice) now"))
    def issue_this_month(self, request: HttpRequest, queryset: QuerySet[InsuranceContract]) -> None:
        month = timezone.localdate().replace(day=1)
        for contract in queryset.select_related("collectivity__organisation"):
            try:
                statement = services.issue_statement_now(
                    actor=self.actor(request), contract=contract, month=month
                )
            except DomainError as error:
                self.message_user(request, f"{contract}: {error.message}", messages.ERROR)
            else:
                self.message_user(
                    request, _("Issued: %(number)s") % {"number": statement.number}, messages.SUCCESS
                )


class InsuredImportForm(forms.Form):
    contract = forms.ModelChoiceField(
        label=gettext_lazy("Collectivity"), queryset=InsuranceContract.objects.select_related("collectivity")
    )
    file = forms.FileField(label=gettext_lazy("CSV or Excel file"))


@admin.register(InsuredPerson)
class InsuredPersonAdmin(FileImportAdminMixin):
    """The desk looks people up (audited) and registers new members by file; the employer does the rest."""

    desk_perm = Perm.DESK_INSURANCE
    person = True
    import_form = InsuredImportForm
    import_title = gettext_lazy("Register insured people from a file")
    list_display = ["policy_number", "last_name", "relation", "collectivity", "start_date", "end_date"]
    list_filter = ["collectivity"]
    search_fields = ["policy_number", "last_name"]
    exclude = ["bsn_encrypted"]
    readonly_fields = [f for f in ("employee", "policyholder")]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return self._allowed(request)  # the import page; the add form itself is not offered

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # changes are the employer's mutations, never edits in place

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context: Any = None) -> HttpResponse:
        return redirect(f"admin:{self._import_url_name()}")

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not self._allowed(request):
            return redirect("admin:index")
        form = InsuredImportForm(request.POST or None, request.FILES or None)
        report = handle_upload(
            request,
            form,
            lambda table: import_insured(
                actor=self.actor(request), contract=form.cleaned_data["contract"], table=table
            ),
        )
        if report is not None and report.ok:
            return redirect("admin:insurance_insuredperson_changelist")
        errors = [(e.line, e.messages) for e in report.errors] if report is not None else []
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "errors": errors,
            "title": self.import_title,
            "opts": self.model._meta,
        }
        return render(request, "admin/import.html", context)


@admin.register(Statement)
class StatementAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_INSURANCE
    read_only = True  # issued statements never change
    list_display = ["number", "collectivity", "month", "total_premium", "total_withheld", "line_count"]
    list_filter = ["collectivity"]


@admin.register(PremiumInvoice)
class PremiumInvoiceAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_INSURANCE
    list_display = ["number", "collectivity", "amount", "due_date", "paid_on", "reminded_at"]
    list_filter = ["collectivity", "paid_on"]
    fields = ["paid_on"]  # the desk records the payment; the amounts are the statement's


@admin.register(ContractLink)
class ContractLinkAdmin(DeskModelAdmin):
    """The desk may confirm a link for an employer (after checking with it by phone, say)."""

    desk_perm = Perm.DESK_INSURANCE
    read_only = True
    list_display = ["organisation", "collectivity", "requested_at", "confirmed_at", "ended_at"]
    actions = ["confirm"]

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        return super().get_actions(request) if self._allowed(request) else {}

    @admin.action(description=gettext_lazy("Confirm the selected links"))
    def confirm(self, request: HttpRequest, queryset: QuerySet[ContractLink]) -> None:
        for link in queryset:
            confirm_link_by_desk(actor=self.actor(request), link=link)
        self.message_user(request, _("Confirmed."), messages.SUCCESS)


@admin.register(ChangeRequest)
class ChangeRequestAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_INSURANCE
    list_display = ["collectivity", "created_at", "status"]
    list_filter = ["status"]
    fields = ["collectivity", "requested_by", "text", "status", "desk_answer"]
    readonly_fields = ["collectivity", "requested_by", "text"]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False  # the employer asks in the portal
