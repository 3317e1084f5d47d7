"""The desk writes to an employer's inbox (a message, optionally about one collectivity)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from werkzorg.access import Perm
from werkzorg.desk.admin import DeskModelAdmin
from werkzorg.inbox.models import Message, MessageKind


@admin.register(Message)
class MessageAdmin(DeskModelAdmin):
    desk_perm = Perm.DESK_ORGANISATIONS
    list_display = ["title", "organisation", "kind", "created_at"]
    list_filter = ["kind", "organisation"]
    fields = ["organisation", "collectivity", "title", "body"]

    def get_queryset(self, request: HttpRequest) -> Any:
        # Exports are a person's own and statements speak for themselves: the desk lists its own messages.
        return super().get_queryset(request).filter(kind=MessageKind.DESK, recipient__isnull=True)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None and super().has_change_permission(request)  # a sent message stays as it was

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        obj.kind = MessageKind.DESK
        super().save_model(request, obj, form, change)
