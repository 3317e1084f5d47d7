from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery

from werkzorg.access import Actor, scope
from werkzorg.access.policy import SUPERUSER_LOOKUP
from werkzorg.organisations.models import (
    Membership,
    Organisation,
    OrganisationKind,
    PhysicianAuthorisation,
    TermsVersion,
)


def standing(
    user: Any, org_slug: str
) -> tuple[Organisation, Membership | None, PhysicianAuthorisation | None] | None:
    """A user's membership and physician authorisation in an active organisation; None without either.

    Registered with werkzorg.access at start-up: the access layer decides what the standing allows.
    """
    # One query for a member (the common case), a second only for a physician without a membership.
    active_authorisation = PhysicianAuthorisation.objects.active().filter(
        practitioner__user=user, organisation__memberships=OuterRef("pk")
    )
    membership = (
        Membership.objects.select_related("organisation")
        .filter(user=user, organisation__slug=org_slug, organisation__is_active=True)
        .annotate(authorisation_id=Subquery(active_authorisation.values("pk")[:1]))
        .first()
    )
    if membership is not None:
        organisation = membership.organisation
        authorisation_id = membership.authorisation_id
        authorisation = (
            PhysicianAuthorisation(pk=authorisation_id, organisation=organisation)
            if authorisation_id
            else None
        )
        return organisation, membership, authorisation
    authorisation = (
        PhysicianAuthorisation.objects.active()
        .select_related("organisation")
        .filter(practitioner__user=user, organisation__slug=org_slug, organisation__is_active=True)
        .first()
    )
    if authorisation is None:
        return None
    return authorisation.organisation, None, authorisation


TERMS_CACHE_SECONDS = 60  # a newly published version is asked for within a minute


def terms_outstanding(organisation: Organisation) -> bool:
    """An employer must accept the terms in force before it can work in the portal (cached: every page asks)."""
    if organisation.kind != OrganisationKind.EMPLOYER:
        return False
    current_id = cache.get_or_set("werkzorg:terms:current", _current_terms_id, TERMS_CACHE_SECONDS)
    if not current_id:
        return False
    return bool(
        cache.get_or_set(
            terms_cache_key(organisation),
            lambda: not organisation.terms_acceptances.filter(terms_version_id=current_id).exists(),
            TERMS_CACHE_SECONDS,
        )
    )


def terms_cache_key(organisation: Organisation) -> str:
    return f"werkzorg:terms:outstanding:{organisation.pk}"


def _current_terms_id() -> int:
    current = TermsVersion.current()
    return current.pk if current is not None else 0


def list_organisations_for_user(user: Any) -> list[Organisation]:
    """Every organisation the user may act for: memberships and physician authorisations.

    Cached per user for the switcher on every page; standing changes call `forget_organisations(user)`.
    """

    def load() -> list[Organisation]:
        member_of = Organisation.objects.filter(memberships__user=user, is_active=True)
        authorised_for = Organisation.objects.filter(
            authorisations__practitioner__user=user, authorisations__revoked_at__isnull=True, is_active=True
        )
        return list((member_of | authorised_for).distinct().order_by("name"))

    found: list[Organisation] = cache.get_or_set(f"werkzorg:orgs-of:{user.pk}", load, 300)  # type: ignore[assignment]
    return found


def forget_organisations(*users: Any) -> None:
    _forget([f"werkzorg:orgs-of:{user.pk}" for user in users if user is not None])


def forget_terms(organisation: Organisation) -> None:
    _forget([terms_cache_key(organisation)])


def _forget(keys: list[str]) -> None:
    """Now, and again after commit: a page read in between may have cached the old state."""
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def list_members(actor: Actor) -> QuerySet[Membership]:
    return scope(Membership, actor).select_related("user").order_by("user__full_name", "user__email")


def count_superusers(actor: Actor) -> int:
    return scope(Membership, actor).filter(**SUPERUSER_LOOKUP, user__is_active=True).count()


def list_authorisations(actor: Actor) -> QuerySet[PhysicianAuthorisation]:
    return (
        scope(PhysicianAuthorisation, actor)
        .select_related("practitioner", "authorised_by", "revoked_by")
        .order_by("revoked_at", "practitioner__name")
    )
