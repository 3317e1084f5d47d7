from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from werkzorg.organisations.models import (
    Membership,
    Organisation,
    OrganisationKind,
    PhysicianAuthorisation,
    TermsAcceptance,
    TermsVersion,
)


def terms_outstanding(organisation: Organisation) -> bool:
    """An employer must accept the terms in force before it can work in the portal."""
    if organisation.kind != OrganisationKind.EMPLOYER:
        return False
    current = TermsVersion.current()
    if current is None:
        return False
    return not TermsAcceptance.objects.filter(organisation=organisation, terms_version=current).exists()


def list_organisations_for_user(user: Any) -> list[Organisation]:
    """Every organisation the user may act for: memberships and physician authorisations."""
    member_of = Organisation.objects.filter(memberships__user=user, is_active=True)
    authorised_for = Organisation.objects.filter(
        authorisations__practitioner__user=user, authorisations__revoked_at__isnull=True, is_active=True
    )
    return list((member_of | authorised_for).distinct().order_by("name"))


def list_members(organisation: Organisation) -> QuerySet[Membership]:
    return (
        Membership.objects.for_org(organisation)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )


def count_superusers(organisation: Organisation) -> int:
    return (
        Membership.objects.for_org(organisation)
        .filter(
            can_invite_users=True, can_assign_permissions=True, can_assign_roles=True, user__is_active=True
        )
        .count()
    )


def list_authorisations(organisation: Organisation) -> QuerySet[PhysicianAuthorisation]:
    return (
        PhysicianAuthorisation.objects.for_org(organisation)
        .select_related("practitioner", "authorised_by", "revoked_by")
        .order_by("revoked_at", "practitioner__name")
    )
