from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from werkzorg.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the application can neither change nor delete audit events."""

    list_display = [
        "occurred_at",
        "event_type",
        "outcome",
        "actor_label",
        "actor_role",
        "organisation",
        "subject_type",
        "subject_id",
    ]
    list_filter = ["event_type", "outcome"]
    search_fields = ["actor_label", "subject_id", "object_id"]
    date_hierarchy = "occurred_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
