"""Who may do what, for which organisation: resolve the actor, check perms, scope every tenant read.

`scope()` is the one form of a tenant read: employers see their own rows (a requester only their own
where the model has an owner), care providers what was sent to them, the desk no tenant rows at all
outside its admin. A test fails on any hand-written tenant filter outside this package.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.utils.functional import Promise

from werkzorg.access.actor import Actor
from werkzorg.access.policy import Perm
from werkzorg.core.errors import NotFound
from werkzorg.core.tenancy import Tenancy

if TYPE_CHECKING:
    from werkzorg.accounts.models import User

M = TypeVar("M", bound=Model)

# (organisation, membership, physician authorisation) of a user in the organisation with that slug.
StandingResolver = Callable[[Any, str], "tuple[Any, Any, Any] | None"]
# The user with an id and their standing in the organisation with that slug, read together; None when
# there is no such user.
UserStandingResolver = Callable[[Any, str], "tuple[Any, tuple[Any, Any, Any] | None] | None"]
# (organisation, API client, its service account) of an OAuth access token for the organisation with
# that slug; None when the client is not that organisation's. Raises ClientRefused when revoked or expired.
ClientResolver = Callable[[Any, str], "tuple[Any, Any, Any] | None"]
# The ids of the collectivities a membership's insurance role is limited to; None for all of them.
CollectivityResolver = Callable[[Any], "frozenset[int] | None"]
# The ids of other organisations' collectivities linked to an organisation (confirmed by their side).
LinkedResolver = Callable[[Any], "frozenset[int]"]


class ClientRefused(Exception):
    """The API client behind a token is revoked or past its expiry date."""


@dataclass(frozen=True)
class Gate:
    """A condition that keeps an actor out of an organisation's pages until it is met (the terms)."""

    name: str
    blocks: Callable[[Actor], bool]
    url_name: str
    message: str | Promise


_standing: list[StandingResolver] = []
_user_standing: list[UserStandingResolver] = []
_clients: list[ClientResolver] = []
_gates: list[Gate] = []
_collectivities: list[CollectivityResolver] = []
_linked: list[LinkedResolver] = []


def register_standing_resolver(resolver: StandingResolver) -> None:
    """The organisations app tells this layer how to find a user's standing (set once, at start-up)."""
    _standing[:] = [resolver]


def register_user_standing_resolver(resolver: UserStandingResolver) -> None:
    """The organisations app tells this layer how to load a user with their standing in one statement."""
    _user_standing[:] = [resolver]


def load_user_with_standing(user_id: Any, org_slug: str) -> Any:
    """The signed-in user of a request for the page of organisation `org_slug`, read together with their
    standing there, which `resolve_actor` then takes instead of asking again; None when there is no such
    user. The authentication backend asks it (see werkzorg.access.middleware)."""
    found = _user_standing[0](user_id, org_slug)
    if found is None:
        return None
    user, standing = found
    user.preloaded_standing = (org_slug, standing)
    return user


def register_collectivity_resolver(resolver: CollectivityResolver) -> None:
    """The organisations app tells this layer which collectivities a membership's insurance role covers."""
    _collectivities[:] = [resolver]


def collectivity_limit(actor: Actor) -> frozenset[int] | None:
    """The collectivities the actor's insurance work is limited to (access "within your
    collectivity"); None for all of the organisation's. Asked only by pages of collectivity data."""
    if actor.membership is None or not _collectivities:
        return None
    if "collectivity_limit" not in actor.cache:
        actor.cache["collectivity_limit"] = _collectivities[0](actor.membership)
    limit: frozenset[int] | None = actor.cache["collectivity_limit"]
    return limit


def register_linked_resolver(resolver: LinkedResolver) -> None:
    """The insurance app tells this layer which contracts of other employers are linked to one."""
    _linked[:] = [resolver]


def linked_collectivities(actor: Actor) -> frozenset[int]:
    """Other employers' collectivities linked to the actor's organisation: their rows are visible to the
    actor as the organisation's own ("one login for all collectivities"), once confirmed."""
    if actor.organisation is None or not _linked:
        return frozenset()
    if "linked" not in actor.cache:
        actor.cache["linked"] = _linked[0](actor.organisation)
    linked: frozenset[int] = actor.cache["linked"]
    return linked


def register_client_resolver(resolver: ClientResolver) -> None:
    """The integrations app tells this layer how to find the API client behind an access token."""
    _clients[:] = [resolver]


def resolve_client_actor(token: Any, org_slug: str) -> Actor:
    """The machine client behind an OAuth access token, acting for `org_slug`: NotFound for any other
    organisation, ClientRefused when the client is revoked or expired."""
    found = _clients[0](token, org_slug) if _clients else None
    if found is None:
        raise NotFound()
    organisation, client, service_user = found
    return Actor(user=service_user, organisation=organisation, api_client=client)


def register_gate(gate: Gate) -> None:
    _gates[:] = [g for g in _gates if g.name != gate.name] + [gate]


def closed_gate(actor: Actor, *, exempt: frozenset[str] = frozenset()) -> Gate | None:
    return next((g for g in _gates if g.name not in exempt and g.blocks(actor)), None)


def resolve_actor(user: User, org_slug: str) -> Actor:
    """The user acting for the organisation `org_slug`; NotFound (a 404) without standing there."""
    if not user.is_authenticated or not user.is_active or not _standing:
        raise NotFound()
    preloaded = getattr(user, "preloaded_standing", None)
    if preloaded is not None and preloaded[0] == org_slug:
        found = preloaded[1]
    else:
        found = _standing[0](user, org_slug)
    if found is None:
        raise NotFound()
    organisation, membership, authorisation = found
    return Actor(
        user=user, organisation=organisation, membership=membership, physician_authorisation=authorisation
    )


def desk_actor(user: Any) -> Actor:
    """The operator's desk: staff act without an organisation; a Django superuser flag adds nothing."""
    return Actor(user=user, is_desk=bool(user.is_authenticated and user.is_active and user.is_staff))


def can(actor: Actor | None, perm: Perm) -> bool:
    return actor is not None and perm in actor.perms


def require(actor: Actor | None, perm: Perm) -> None:
    """Raise 403 when the actor lacks `perm`. Services call this too, so no path can skip it."""
    if not can(actor, perm):
        raise PermissionDenied


def _queryset(source: type[M] | QuerySet[M]) -> QuerySet[M]:
    return source if isinstance(source, QuerySet) else source._default_manager.all()


def scope(source: type[M] | QuerySet[M], actor: Actor, *, aggregate: bool = False) -> QuerySet[M]:
    """The rows of `source` the actor may see, by the tenancy its queryset declares.

    `aggregate=True` is for figures over the whole organisation (a dashboard) that show no single row:
    the owner rule (a requester sees only their own) does not apply to them.
    """
    queryset = _queryset(source)
    tenancy: Tenancy | None = getattr(queryset, "tenancy", None)
    if tenancy is None:
        raise TypeError(f"{queryset.model.__name__} declares no tenancy; use a TenantQuerySet")
    organisation = actor.organisation
    if actor.is_desk or organisation is None:
        return queryset.none()
    if tenancy.medical and Perm.MEDICAL_DATA not in actor.perms:
        return queryset.none()
    if actor.is_provider and tenancy.provider:
        return queryset.filter(**{tenancy.provider: organisation}, **tenancy.provider_condition)
    if tenancy.collectivity and (linked := linked_collectivities(actor)):
        own = Q(**{tenancy.organisation: organisation}) | Q(**{f"{tenancy.collectivity}__in": sorted(linked)})
        queryset = queryset.filter(own)
    else:
        queryset = queryset.filter(**{tenancy.organisation: organisation})
    if tenancy.collectivity:
        limit = collectivity_limit(actor)
        if limit is not None:
            queryset = queryset.filter(**{f"{tenancy.collectivity}__in": sorted(limit)})
    if aggregate:
        return queryset
    if tenancy.owner and (tenancy.all_rows_perm is None or not can(actor, Perm(tenancy.all_rows_perm))):
        queryset = queryset.filter(**{tenancy.owner: actor.user})
    return queryset


def get_or_404(source: type[M] | QuerySet[M], actor: Actor, **lookup: Any) -> M:
    """One object in the actor's scope; another tenant's object is a 404 like a missing one."""
    queryset = scope(source, actor).filter(**lookup)
    if "pk" in lookup or queryset.model._meta.pk.name in lookup:
        # One row at most: no ORDER BY to build and compile on every detail page (measured: a third of
        # the statement's cost), and `first()` would add one by primary key.
        queryset.query.clear_ordering(force=True)
        obj = next(iter(queryset[:1]), None)
    else:
        obj = queryset.first()
    if obj is None:
        raise NotFound()
    return obj


def in_scope(obj: Model, actor: Actor) -> bool:
    return scope(type(obj), actor).filter(pk=obj.pk).exists()
