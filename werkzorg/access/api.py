"""The access module for the REST API: the same actor, perms, gates and scoping as the HTML views."""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from werkzorg.access.policy import Perm
from werkzorg.access.rules import can, closed_gate, resolve_actor


class OrgPermission(BasePermission):
    """For API views under /api/v1/o/<org>/: resolves request.actor and checks the view's `required_perm`."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        actor = resolve_actor(request.user, view.kwargs["org"])
        request.actor = actor  # type: ignore[attr-defined]
        perm: Perm = view.required_perm
        if not can(actor, perm):
            return False
        gate = closed_gate(actor)
        if gate is not None:
            raise PermissionDenied(str(gate.message))
        return True
