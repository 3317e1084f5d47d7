"""Desk: users (disable, reset two-factor), invitations, and inviting a new organisation's main account holder."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkzorg.access import Perm
from werkzorg.accounts import services
from werkzorg.accounts.models import Invitation, User
from werkzorg.core.errors import DomainError
from werkzorg.core.forms import PhoneField, add_domain_error
from werkzorg.desk.admin import DeskModelAdmin
from werkzorg.organisations.models import Organisation


@admin.register(User)
class UserAdmin(DeskModelAdmin, BaseUserAdmin):
    desk_perm = Perm.DESK_USERS
    person = True
    ordering = ["email"]
    list_display = ["email", "full_name", "phone", "is_active", "is_staff", "last_login"]
    list_select_related = True
    list_filter = ["is_active", "is_staff"]
    search_fields = ["email", "full_name", "phone"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (gettext_lazy("Person"), {"fields": ("full_name", "phone", "phone_verified")}),
        (
            gettext_lazy("Desk"),
            {"fields": ("is_active", "is_staff", "desk_support", "desk_catalogue", "desk_contracts")},
        ),
        (gettext_lazy("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "phone", "password1", "password2")}),
    )
    readonly_fields = ["last_login", "date_joined"]
    actions = ["disable_users", "reset_two_factor"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # accounts are disabled, never deleted: the audit log keeps referring to them

    @admin.action(description=gettext_lazy("Disable selected users (ends their sessions)"))
    def disable_users(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            services.disable_user(actor=self.actor(request), user=user)
        self.message_user(
            request, _("%(count)d user(s) disabled.") % {"count": queryset.count()}, messages.SUCCESS
        )

    @admin.action(description=gettext_lazy("Reset two-factor authentication (lost device)"))
    def reset_two_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            services.reset_two_factor(actor=self.actor(request), user=user)
        self.message_user(
            request,
            _("Two-factor reset for %(count)d user(s); they set up a new device at their next sign-in.")
            % {"count": queryset.count()},
            messages.SUCCESS,
        )


class MainAccountHolderForm(forms.Form):
    full_name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    email = forms.EmailField(label=gettext_lazy("E-mail address"))
    phone = PhoneField(label=gettext_lazy("Mobile number"))


@admin.register(Invitation)
class InvitationAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_ORGANISATIONS
    read_only = True  # invitations are made and withdrawn through the portal's own flows
    list_display = ["email", "organisation", "status", "created_at", "expires_at"]
    list_filter = ["status"]
    search_fields = ["email", "organisation__name"]
    exclude = ["code_hash"]

    def get_urls(self) -> list[URLPattern]:
        own = path(
            "hoofdaccounthouder/<int:organisation_id>/",
            self.admin_site.admin_view(self.invite_main_view),
            name="accounts_invitation_invite_main",
        )
        return [own, *super().get_urls()]

    def invite_main_view(self, request: HttpRequest, organisation_id: int) -> HttpResponse:
        organisation = get_object_or_404(Organisation, pk=organisation_id)
        form = MainAccountHolderForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.invite_main_account_holder(
                    actor=self.actor(request), organisation=organisation, **form.cleaned_data
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
        return render(request, "admin/accounts/invite_main.html", context)
