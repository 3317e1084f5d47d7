"""The one place for tenancy and rights: views, API and services all ask here."""

from werkzorg.access.actor import Actor
from werkzorg.access.policy import Perm
from werkzorg.access.rules import can, get_or_404, require, resolve_actor, scoped

__all__ = ["Actor", "Perm", "can", "get_or_404", "require", "resolve_actor", "scoped"]
