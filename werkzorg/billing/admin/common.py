"""What the billing admin pages share: the intermediate page of an action that needs input, and the
audited download of a stored file."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from werkzorg.audit.services import record
from werkzorg.billing.views.files import attachment
from werkzorg.core.errors import NotFound
from werkzorg.desk.admin import DeskModelAdmin


class RejectForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason (the employer reads it)"), max_length=300)


def action_form(
    model_admin: admin.ModelAdmin,
    request: HttpRequest,
    form: forms.Form,
    items: Any,
    *,
    action: str,
    title: str,
    button: str,
    intro: str = "",
) -> HttpResponse:
    """The intermediate page of an admin action that needs input (a reason, a date)."""
    context = {
        **model_admin.admin_site.each_context(request),
        "form": form,
        "items": items,
        "action": action,
        "title": title,
        "button": button,
        "intro": intro or title,
        "opts": model_admin.model._meta,
    }
    return render(request, "admin/billing/action_form.html", context)


class StoredFileAdmin(DeskModelAdmin):
    """A model with a stored file the desk opens from its list; each opening is audited."""

    file_event: Any

    def file_of(self, obj: Any) -> tuple[str, bytes]:
        return obj.file_name, bytes(obj.file)

    def file_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        found = self.model.objects.filter(pk=pk).first() if self._allowed(request) else None
        if found is None:
            raise NotFound()
        record(self.file_event, actor=self.actor(request), organisation=found.organisation, obj=found)
        name, content = self.file_of(found)
        return attachment(name, content)
