"""Desk: the intervention catalogue (with a CSV/Excel import) and a read-only view of requests."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy

from werkzorg.access import Perm
from werkzorg.desk.admin import DeskModelAdmin, FileImportAdminMixin
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
class InterventionAdmin(FileImportAdminMixin):
    desk_perm = Perm.DESK_CATALOGUE
    list_display = ["title", "category", "delivery", "price_excl_vat", "sessions", "is_active"]
    list_filter = ["category", "delivery", "is_active", "regions"]
    search_fields = ["title", "summary"]
    # Check boxes, each with its own label (the two-list widget's help icons carry a forbidden ARIA label).
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    change_list_template = "admin/interventions/intervention/change_list.html"
    import_form = CatalogueImportForm
    import_title = gettext_lazy("Import the catalogue")
    import_function = staticmethod(import_catalogue)


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
class InterventionRequestAdmin(DeskModelAdmin):
    """The desk follows requests without personal data: the employee's details are not shown here."""

    desk_perm = Perm.DESK_CATALOGUE
    read_only = True
    list_display = ["number", "organisation", "intervention", "provider", "status", "created_at"]
    list_filter = ["status", "category"]
    search_fields = ["number"]
    fields = READONLY_REQUEST_FIELDS
    readonly_fields = READONLY_REQUEST_FIELDS
