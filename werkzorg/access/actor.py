from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from werkzorg.access.policy import Perm, describe_role, perms_for
from werkzorg.core.net import client_ip

if TYPE_CHECKING:
    from django.http import HttpRequest

    from werkzorg.accounts.models import User


@dataclass
class Actor:
    """Someone acting: a user for one organisation (member and/or authorised physician), the desk, or a
    machine client of an organisation (`api_client`, acting through its own service account `user`).

    The organisation, membership and authorisation are the models of the organisations app; this
    layer reads only their grant fields and `is_provider`, so it needs no import of that app.
    """

    user: User
    organisation: Any = None
    membership: Any = None
    physician_authorisation: Any = None
    is_desk: bool = False
    api_client: Any = None
    perms: frozenset[Perm] = field(default_factory=frozenset)
    # What the access layer looked up once for this actor (per request), such as a collectivity limit.
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    # Where the actor acts from, for the audit log (NEN 7513 "where from"); set from the request by the
    # view layer, empty for background work.
    ip_address: str | None = None
    user_agent: str = ""

    def __post_init__(self) -> None:
        self.perms = perms_for(self)

    def acting_from(self, request: HttpRequest) -> Actor:
        self.ip_address = client_ip(request)
        self.user_agent = request.META.get("HTTP_USER_AGENT", "")[:200]
        return self

    @property
    def role_label(self) -> str:
        return describe_role(self)

    @property
    def is_client(self) -> bool:
        return self.api_client is not None

    @property
    def is_provider(self) -> bool:
        return bool(self.organisation is not None and self.organisation.is_provider)
