from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

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
    organisation = Organisation.objects.filter(slug=org_slug, is_active=True).first()
    if organisation is None:
        return None
    membership = organisation.memberships.filter(user=user).first()
    authorisation = (
        organisation.authorisations.active()
        .filter(practitioner__user=user)
        .select_related("practitioner")
        .first()
    )
    if membership is None and authorisation is None:
        return None
    return organisation, membership, authorisation


def terms_outstanding(organisation: Organisation) -> bool:
    """An employer must accept the terms in force before it can work in the portal."""
    if organisation.kind != OrganisationKind.EMPLOYER:
        return False
    current = TermsVersion.current()
    if current is None:
        return False
    return not organisation.terms_acceptances.filter(terms_version=current).exists()


def list_organisations_for_user(user: Any) -> list[Organisation]:
    """Every organisation the user may act for: memberships and physician authorisations."""
    member_of = Organisation.objects.filter(memberships__user=user, is_active=True)
    authorised_for = Organisation.objects.filter(
        authorisations__practitioner__user=user, authorisations__revoked_at__isnull=True, is_active=True
    )
    return list((member_of | authorised_for).distinct().order_by("name"))


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
