"""What the billing admin pages share: the intermediate page of an action that needs input."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy


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
