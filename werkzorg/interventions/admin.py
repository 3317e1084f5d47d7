"""Desk: the intervention catalogue (with a CSV/Excel import) and a read-only view of requests."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkzorg.core.errors import DomainError
from werkzorg.core.forms import add_domain_error
from werkzorg.core.tabular import read_table
from werkzorg.interventions.catalogue_import import import_catalogue
from werkzorg.interventions.models import Intervention, InterventionRequest


class CatalogueImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File (CSV or Excel)"),
        help_text=gettext_lazy(
            "Columns: titel, categorie (mental/physical/lifestyle/training/workshop), samenvatting, omschrijving, "
            "prijs, sessies, weken, vorm (online/on_site/both), regio's (codes, comma separated), aanbieders "
            "(short names, comma separated). Rows are matched on title."
        ),
    )


@admin.register(Intervention)
class InterventionAdmin(admin.ModelAdmin):
    list_display = ["title", "category", "delivery", "price_excl_vat", "sessions", "is_active"]
    list_filter = ["category", "delivery", "is_active", "regions"]
    search_fields = ["title", "summary"]
    filter_horizontal = ["providers", "regions"]
    change_list_template = "admin/interventions/intervention/change_list.html"

    def get_urls(self) -> list[URLPattern]:
        own = path(
            "importeren/",
            self.admin_site.admin_view(self.import_view),
            name="interventions_intervention_import",
        )
        return [own, *super().get_urls()]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        form = CatalogueImportForm(request.POST or None, request.FILES or None)
        errors: list[tuple[int, list[str]]] = []
        if request.method == "POST" and form.is_valid():
            try:
                report = import_catalogue(desk_user=request.user, table=read_table(form.cleaned_data["file"]))
            except DomainError as error:
                add_domain_error(form, error)
            else:
                if report.ok:
                    self.message_user(
                        request,
                        _("Import done: %(created)d added, %(updated)d updated.")
                        % {"created": report.created, "updated": report.updated},
                        messages.SUCCESS,
                    )
                    return redirect("admin:interventions_intervention_changelist")
                errors = [(e.line, e.messages) for e in report.errors]
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "errors": errors,
            "title": _("Import the catalogue"),
            "opts": self.model._meta,
        }
        return render(request, "admin/organisations/practitioner/import.html", context)


READONLY_REQUEST_FIELDS = (
    "number",
    "organisation",
    "intervention",
    "provider",
    "status",
    "cancel_reason",
    "created_at",
    "consented_at",
    "forwarded_at",
    "first_appointment_at",
    "completed_at",
    "cancelled_at",
)


@admin.register(InterventionRequest)
class InterventionRequestAdmin(admin.ModelAdmin):
    """The desk follows requests without personal data: the employee's details are not shown here."""

    list_display = ["number", "organisation", "intervention", "provider", "status", "created_at"]
    list_filter = ["status", "category"]
    search_fields = ["number"]
    fields = READONLY_REQUEST_FIELDS
    readonly_fields = READONLY_REQUEST_FIELDS

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
