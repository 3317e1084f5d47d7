"""Contracts, the price list, quotes for extra work and the providers' bank accounts, kept by the desk."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from stdnum import bic as bic_number
from stdnum import iban as iban_number
from stdnum.exceptions import ValidationError

from werkzorg.access import Perm
from werkzorg.billing import services
from werkzorg.billing.admin.common import action_form
from werkzorg.billing.models import BillingContract, PriceListEntry, ProviderAccount, Quote
from werkzorg.billing.tasks import issue_statements_task
from werkzorg.core.errors import DomainError
from werkzorg.core.forms import date_field
from werkzorg.desk.admin import DeskModelAdmin
from werkzorg.interventions.models import Category


class ContractForm(forms.ModelForm):
    included_categories = forms.MultipleChoiceField(
        label=gettext_lazy("Included in the fixed fee"),
        choices=Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = BillingContract
        fields = [
            "organisation", "kind", "fee_per_employee", "fee_vat_rate", "included_categories", "pay_from_budget",
            "statement_per_collectivity", "start_date", "end_date",
        ]  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == "fixed_fee" and not data.get("fee_per_employee"):
            raise forms.ValidationError(_("A fixed-fee contract needs the fee per employee per year."))
        return data


@admin.register(BillingContract)
class BillingContractAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_BILLING
    form = ContractForm
    list_display = ["organisation", "kind", "fee_per_employee", "pay_from_budget", "start_date", "end_date"]
    list_filter = ["kind"]
    actions = ["issue_now"]

    @admin.action(description=gettext_lazy("Issue the last quarter's statements now (in the background)"))
    def issue_now(self, request: HttpRequest, queryset: QuerySet[BillingContract]) -> None:
        for contract in queryset:
            issue_statements_task.delay(contract.organisation_id)
        self.message_user(request, _("Issuing started; the statements appear in their list when ready."))


@admin.register(PriceListEntry)
class PriceListAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_BILLING
    list_display = ["year", "intervention", "session_price", "vat_rate"]
    list_filter = ["year"]
    search_fields = ["intervention__title"]


class AccountForm(forms.ModelForm):
    class Meta:
        model = ProviderAccount
        fields = ["provider", "account_holder", "iban", "bic", "payment_term_days"]

    def clean_iban(self) -> str:
        try:
            return str(iban_number.validate(self.cleaned_data["iban"]))
        except ValidationError as error:
            raise forms.ValidationError(_("This is not a valid IBAN.")) from error

    def clean_bic(self) -> str:
        try:
            return str(bic_number.validate(self.cleaned_data["bic"]))
        except ValidationError as error:
            raise forms.ValidationError(_("This is not a valid BIC.")) from error


@admin.register(ProviderAccount)
class ProviderAccountAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_BILLING
    form = AccountForm
    list_display = ["provider", "account_holder", "iban", "payment_term_days"]


class DeliveredForm(forms.Form):
    delivered_on = date_field(gettext_lazy("Delivered on"))


@admin.register(Quote)
class QuoteAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_BILLING
    list_display = ["description", "organisation", "amount", "status", "delivered_on", "statement"]
    list_filter = ["status"]
    fields = ["organisation", "description", "amount", "vat_rate"]
    actions = ["mark_delivered"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request: HttpRequest, obj: Quote, form: Any, change: bool) -> None:
        made = services.make_quote(
            actor=self.actor(request),
            organisation=obj.organisation,
            description=obj.description,
            amount=obj.amount,
            vat_rate=obj.vat_rate,
        )
        obj.pk = made.pk

    @admin.action(description=gettext_lazy("Record delivery of the selected accepted quotes"))
    def mark_delivered(self, request: HttpRequest, queryset: QuerySet[Quote]) -> HttpResponse | None:
        form = DeliveredForm(request.POST if "delivered_on" in request.POST else None)
        if form.is_valid():
            for quote in queryset:
                try:
                    services.mark_delivered(actor=self.actor(request), quote_id=quote.pk, **form.cleaned_data)
                except DomainError as error:
                    self.message_user(request, f"{quote}: {error.message}", messages.ERROR)
            return None
        return action_form(
            self,
            request,
            form,
            queryset,
            action="mark_delivered",
            title=_("Record delivery"),
            button=_("Save"),
        )
