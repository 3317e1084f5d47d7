"""The base of every desk (admin) page: rights from werkzorg.access, every write through a service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.functional import Promise

from werkzorg.access import Actor, Perm, can, desk_actor
from werkzorg.core.importer import handle_upload
from werkzorg.core.tabular import ImportReport
from werkzorg.desk import services


class DeskModelAdmin(admin.ModelAdmin):
    """`desk_perm` decides who sees and edits the model; `read_only` pages never write.

    `person`: the rows are people, so opening one is audited as a read of their data.
    """

    desk_perm: Perm
    read_only = False
    person = False

    def actor(self, request: HttpRequest) -> Actor:
        return desk_actor(request.user).acting_from(request)

    def _allowed(self, request: HttpRequest) -> bool:
        return can(self.actor(request), self.desk_perm)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return not self.read_only and self._allowed(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not self.read_only and self._allowed(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not self.read_only and self._allowed(request)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        services.save_by_desk(
            actor=self.actor(request),
            perm=self.desk_perm,
            obj=obj,
            created=not change,
            changed=list(form.changed_data),
            person=self.person,
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        services.delete_by_desk(actor=self.actor(request), perm=self.desk_perm, obj=obj, person=self.person)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for obj in queryset:
            self.delete_model(request, obj)

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        if self.person and request.method == "GET":
            services.read_list_by_desk(actor=self.actor(request), perm=self.desk_perm, model=self.model)
        return super().changelist_view(request, extra_context)

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        if self.person and request.method == "GET":
            obj = self.get_object(request, object_id)
            if obj is not None:
                services.read_by_desk(actor=self.actor(request), perm=self.desk_perm, obj=obj)
        return super().change_view(request, object_id, form_url, extra_context)


class DeskInline(admin.TabularInline):
    """An inline on a desk page: writes go through the parent's save, so an inline is read-only here."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class FileImportAdminMixin(DeskModelAdmin):
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
        if not self.has_add_permission(request):
            return redirect("admin:index")
        form = self.import_form(request.POST or None, request.FILES or None)
        report = handle_upload(
            request, form, lambda table: type(self).import_function(actor=self.actor(request), table=table)
        )
        if report is not None and report.ok:
            meta = self.model._meta
            return redirect(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        errors = [(e.line, e.messages) for e in report.errors] if report is not None else []
        context: dict[str, Any] = {
            **self.admin_site.each_context(request),
            "form": form,
            "errors": errors,
            "title": self.import_title,
            "opts": self.model._meta,
        }
        return render(request, "admin/import.html", context)
