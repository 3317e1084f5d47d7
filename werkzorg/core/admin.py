"""Shared desk (admin) pieces."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from werkzorg.core.errors import DomainError
from werkzorg.core.forms import add_domain_error
from werkzorg.core.tabular import ImportReport, Table, read_table


class FileImportAdminMixin(admin.ModelAdmin):
    """An 'Import CSV or Excel' page on a changelist: every row is checked first, then all rows are written."""

    import_form: type[forms.Form]
    import_title: str | Promise
    import_function: Callable[..., ImportReport]

    def _import_url_name(self) -> str:
        return f"{self.model._meta.app_label}_{self.model._meta.model_name}_import"

    def get_urls(self) -> list[URLPattern]:
        own = path("importeren/", self.admin_site.admin_view(self.import_view), name=self._import_url_name())
        return [own, *super().get_urls()]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        form = self.import_form(request.POST or None, request.FILES or None)
        errors: list[tuple[int, list[str]]] = []
        if request.method == "POST" and form.is_valid():
            try:
                table: Table = read_table(form.cleaned_data["file"])
                report = type(self).import_function(desk_user=request.user, table=table)
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
                    meta = self.model._meta
                    return redirect(f"admin:{meta.app_label}_{meta.model_name}_changelist")
                errors = [(e.line, e.messages) for e in report.errors]
        context: dict[str, Any] = {
            **self.admin_site.each_context(request),
            "form": form,
            "errors": errors,
            "title": self.import_title,
            "opts": self.model._meta,
        }
        return render(request, "admin/import.html", context)
