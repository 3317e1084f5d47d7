"""The one place for tenancy and rights: views, API and services all ask here."""

from werkzorg.access.actor import Actor
from werkzorg.access.policy import Perm
from werkzorg.access.rules import can, desk_actor, get_or_404, in_scope, require, resolve_actor, scope

__all__ = [
    "Actor",
    "Perm",
    "can",
    "desk_actor",
    "get_or_404",
    "in_scope",
    "require",
    "resolve_actor",
    "scope",
]
