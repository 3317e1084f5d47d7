"""Desk: users (disable, reset two-factor) and invitations."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkzorg.accounts import services
from werkzorg.accounts.models import Invitation, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "phone", "is_active", "is_staff", "last_login"]
    list_filter = ["is_active", "is_staff"]
    search_fields = ["email", "full_name", "phone"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (gettext_lazy("Person"), {"fields": ("full_name", "phone", "phone_verified")}),
        (
            gettext_lazy("Desk"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (gettext_lazy("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "phone", "password1", "password2")}),
    )
    readonly_fields = ["last_login", "date_joined"]
    actions = ["disable_users", "reset_two_factor"]

    @admin.action(description=gettext_lazy("Disable selected users (ends their sessions)"))
    def disable_users(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            services.disable_user(desk_user=request.user, user=user)  # type: ignore[arg-type]
        self.message_user(
            request, _("%(count)d user(s) disabled.") % {"count": queryset.count()}, messages.SUCCESS
        )

    @admin.action(description=gettext_lazy("Reset two-factor authentication (lost device)"))
    def reset_two_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            services.reset_two_factor(desk_user=request.user, user=user)  # type: ignore[arg-type]
        self.message_user(
            request,
            _("Two-factor reset for %(count)d user(s); they set up a new device at their next sign-in.")
            % {"count": queryset.count()},
            messages.SUCCESS,
        )


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "status", "created_at", "expires_at"]
    list_filter = ["status"]
    search_fields = ["email", "organisation__name"]
    exclude = ["code_hash"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
