from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from werkzorg.access.policy import Perm, perms_for

if TYPE_CHECKING:
    from werkzorg.accounts.models import User
    from werkzorg.organisations.models import Membership, Organisation, PhysicianAuthorisation


@dataclass
class Actor:
    """A user acting for one organisation, with what they hold there."""

    user: User
    organisation: Organisation
    membership: Membership | None = None
    physician_authorisation: PhysicianAuthorisation | None = None
    perms: frozenset[Perm] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        self.perms = perms_for(self)
