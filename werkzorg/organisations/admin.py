"""The operator's desk: organisations, contracts, practitioners (with CSV import) and terms."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkzorg.accounts.models import User
from werkzorg.accounts.services import invite_main_account_holder
from werkzorg.core.admin import FileImportAdminMixin
from werkzorg.core.errors import DomainError
from werkzorg.core.forms import PhoneField, add_domain_error
from werkzorg.organisations.models import (
    GRANT_FIELDS,
    Collectivity,
    Membership,
    OperatorSettings,
    Organisation,
    PhysicianAuthorisation,
    Practitioner,
    TermsAcceptance,
    TermsVersion,
)
from werkzorg.organisations.services import import_practitioners


class MainAccountHolderForm(forms.Form):
    full_name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    email = forms.EmailField(label=gettext_lazy("E-mail address"))
    phone = PhoneField(label=gettext_lazy("Mobile number"))


class CollectivityInline(admin.TabularInline):
    model = Collectivity
    extra = 0


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "organisation"
    extra = 0
    fields = ["user", *GRANT_FIELDS]
    readonly_fields = ["user", *GRANT_FIELDS]
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "kvk_number", "city", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "kvk_number", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CollectivityInline, MembershipInline]
    change_form_template = "admin/organisations/organisation/change_form.html"

    def get_urls(self) -> list[URLPattern]:
        custom = [
            path(
                "<int:organisation_id>/hoofdaccounthouder/",
                self.admin_site.admin_view(self.invite_main_view),
                name="organisations_organisation_invite_main",
            )
        ]
        return custom + super().get_urls()

    def invite_main_view(self, request: HttpRequest, organisation_id: int) -> HttpResponse:
        organisation = get_object_or_404(Organisation, pk=organisation_id)
        form = MainAccountHolderForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                invite_main_account_holder(
                    desk_user=cast(User, request.user), organisation=organisation, **form.cleaned_data
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                self.message_user(
                    request, _("Invitation sent to %(email)s.") % form.cleaned_data, messages.SUCCESS
                )
                return redirect("admin:organisations_organisation_change", organisation.pk)
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "organisation": organisation,
            "title": _("Invite main account holder"),
            "opts": self.model._meta,
        }
        return render(request, "admin/organisations/invite_main.html", context)


class PractitionerImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File (CSV or Excel)"),
        help_text=gettext_lazy("Columns: agb, big, naam, beroep, e-mail."),
    )


@admin.register(Practitioner)
class PractitionerAdmin(FileImportAdminMixin):
    list_display = ["name", "agb_code", "big_number", "profession", "user"]
    search_fields = ["name", "agb_code", "big_number"]
    raw_id_fields = ["user"]
    change_list_template = "admin/organisations/practitioner/change_list.html"
    import_form = PractitionerImportForm
    import_title = gettext_lazy("Import practitioners")
    import_function = staticmethod(import_practitioners)


@admin.register(PhysicianAuthorisation)
class PhysicianAuthorisationAdmin(admin.ModelAdmin):
    list_display = ["practitioner", "organisation", "authorised_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["practitioner__name", "practitioner__agb_code", "organisation__name"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(TermsVersion)
class TermsVersionAdmin(admin.ModelAdmin):
    list_display = ["title", "version", "published_at"]


@admin.register(TermsAcceptance)
class TermsAcceptanceAdmin(admin.ModelAdmin):
    list_display = ["organisation", "terms_version", "accepted_by", "accepted_at"]
    readonly_fields = ["organisation", "terms_version", "accepted_by", "accepted_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(OperatorSettings)
class OperatorSettingsAdmin(admin.ModelAdmin):
    list_display = ["name", "desk_email", "desk_phone"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not OperatorSettings.objects.exists()
