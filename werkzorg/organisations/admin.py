"""The operator's desk: organisations, contracts, practitioners (with CSV import), terms and operator settings."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from werkzorg.access import Perm
from werkzorg.access.policy import GRANT_FIELDS
from werkzorg.desk.admin import DeskInline, DeskModelAdmin, FileImportAdminMixin
from werkzorg.organisations.models import (
    Collectivity,
    Membership,
    OperatorSettings,
    Organisation,
    PhysicianAuthorisation,
    PracticeAssistant,
    Practitioner,
    TermsAcceptance,
    TermsVersion,
)
from werkzorg.organisations.services import import_practitioners


class CollectivityInline(DeskInline):
    model = Collectivity
    fields = readonly_fields = ("name", "customer_number", "collectivity_number")


class MembershipInline(DeskInline):
    model = Membership
    fk_name = "organisation"
    fields = readonly_fields = ("user", *GRANT_FIELDS)


@admin.register(Organisation)
class OrganisationAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_ORGANISATIONS
    list_display = ["name", "kind", "kvk_number", "city", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "kvk_number", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CollectivityInline, MembershipInline]
    change_form_template = "admin/organisations/organisation/change_form.html"

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # an organisation is made inactive, never deleted: its history stays


@admin.register(Collectivity)
class CollectivityAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_ORGANISATIONS
    list_display = ["name", "organisation", "customer_number", "collectivity_number"]
    search_fields = ["name", "customer_number", "collectivity_number", "organisation__name"]
    list_select_related = ["organisation"]


class PractitionerImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File (CSV or Excel)"),
        help_text=gettext_lazy("Columns: agb, big, naam, beroep, e-mail."),
    )


@admin.register(Practitioner)
class PractitionerAdmin(FileImportAdminMixin):
    desk_perm = Perm.DESK_PRACTITIONERS
    list_display = ["name", "agb_code", "big_number", "profession", "user"]
    search_fields = ["name", "agb_code", "big_number"]
    raw_id_fields = ["user"]
    change_list_template = "admin/organisations/practitioner/change_list.html"
    import_form = PractitionerImportForm
    import_title = gettext_lazy("Import practitioners")
    import_function = staticmethod(import_practitioners)


@admin.register(PracticeAssistant)
class PracticeAssistantAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_PRACTITIONERS
    list_display = ["user", "practitioner"]
    search_fields = ["user__email", "practitioner__name", "practitioner__agb_code"]
    raw_id_fields = ["user", "practitioner"]


@admin.register(PhysicianAuthorisation)
class PhysicianAuthorisationAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_PRACTITIONERS
    read_only = True  # an employer authorises and revokes; the desk only looks
    list_display = ["practitioner", "organisation", "authorised_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["practitioner__name", "practitioner__agb_code", "organisation__name"]


@admin.register(TermsVersion)
class TermsVersionAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_TERMS
    # One labelled date-and-time field instead of the admin's two unlabelled ones.
    formfield_overrides = {
        models.DateTimeField: {
            "widget": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
        }
    }
    list_display = ["title", "version", "published_at"]


@admin.register(TermsAcceptance)
class TermsAcceptanceAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_TERMS
    read_only = True
    list_display = ["organisation", "terms_version", "accepted_by", "accepted_at"]


@admin.register(OperatorSettings)
class OperatorSettingsAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_TERMS
    list_display = ["name", "desk_email", "desk_phone"]

    def has_add_permission(self, request: HttpRequest, *args: object) -> bool:
        return super().has_add_permission(request) and not OperatorSettings.objects.exists()
