from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from werkzorg.access import Perm, desk_actor, require
from werkzorg.audit.events import AuditEventType
from werkzorg.audit.models import AuditEvent
from werkzorg.audit.services import record


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the application can neither change nor delete audit events; reading the log is logged."""

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
    list_filter = ["outcome"]
    search_fields = ["actor_label", "subject_id", "object_id", "event_type"]
    date_hierarchy = "occurred_at"

    def _allowed(self, request: HttpRequest) -> bool:
        return Perm.DESK_AUDIT_LOG in desk_actor(request.user).perms

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        actor = desk_actor(request.user).acting_from(request)
        require(actor, Perm.DESK_AUDIT_LOG)
        record(AuditEventType.AUDIT_LOG_READ, actor=actor, detail="desk")
        return super().changelist_view(request, extra_context)
