"""Who may do what, for which organisation: resolve the actor, check perms, scope queries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

from werkzorg.access.actor import Actor
from werkzorg.access.policy import Perm

if TYPE_CHECKING:
    from werkzorg.accounts.models import User

M = TypeVar("M", bound=Model)


def resolve_actor(user: User, org_slug: str) -> Actor:
    """The user acting for the organisation `org_slug`; 404 when they have no standing there."""
    from werkzorg.organisations.models import Membership, Organisation, PhysicianAuthorisation

    if not user.is_authenticated:
        raise Http404
    organisation = Organisation.objects.filter(slug=org_slug, is_active=True).first()
    if organisation is None:
        raise Http404
    membership = Membership.objects.filter(user=user, organisation=organisation).first()
    authorisation = (
        PhysicianAuthorisation.objects.active()
        .filter(organisation=organisation, practitioner__user=user)
        .select_related("practitioner")
        .first()
    )
    if membership is None and authorisation is None:
        raise Http404
    return Actor(
        user=user, organisation=organisation, membership=membership, physician_authorisation=authorisation
    )


def can(actor: Actor | None, perm: Perm) -> bool:
    return actor is not None and perm in actor.perms


def require(actor: Actor | None, perm: Perm) -> None:
    """Raise 403 when the actor lacks `perm`. Services call this too, so no path can skip it."""
    if not can(actor, perm):
        raise PermissionDenied


def scoped(model_or_queryset: type[M] | QuerySet[M], actor: Actor) -> QuerySet[Any]:
    """Tenant data of the actor's organisation only."""
    queryset = (
        model_or_queryset
        if isinstance(model_or_queryset, QuerySet)
        else model_or_queryset._default_manager.all()
    )
    return queryset.for_org(actor.organisation)  # type: ignore[attr-defined]


def get_or_404(model_or_queryset: type[M] | QuerySet[M], actor: Actor, **lookup: Any) -> Any:
    """One object of the actor's organisation; another tenant's object is a 404 like a missing one."""
    obj = scoped(model_or_queryset, actor).filter(**lookup).first()
    if obj is None:
        raise Http404
    return obj
