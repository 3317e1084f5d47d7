"""What templates may ask: `can.<perm>` and `can.superuser` / `can.physician` / `can.desk`, nothing else."""

from __future__ import annotations

from werkzorg.access.actor import Actor
from werkzorg.access.policy import Perm, standing_flags


class PermChecker:
    def __init__(self, actor: Actor | None) -> None:
        self._perms = actor.perms if actor is not None else frozenset()
        self._flags = standing_flags(actor) if actor is not None else frozenset()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PermChecker) and (self._perms, self._flags) == (other._perms, other._flags)

    def __hash__(self) -> int:  # a key of cached menus: the same rights give the same menu
        return hash((self._perms, self._flags))

    def __getattr__(self, name: str) -> bool:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in {"superuser", "physician", "desk"}:
            return name in self._flags
        try:
            return Perm(name) in self._perms
        except ValueError as exc:
            raise AttributeError(name) from exc
