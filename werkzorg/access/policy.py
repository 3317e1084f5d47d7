"""THE mapping from what a person holds (membership grants, authorisations) to what they may do."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from werkzorg.access.actor import Actor


class Perm(StrEnum):
    VIEW_ORGANISATION = "view_organisation"
    VIEW_USERS = "view_users"
    INVITE_USERS = "invite_users"
    ASSIGN_PERMISSIONS = "assign_permissions"
    ASSIGN_ROLES = "assign_roles"
    AUTHORISE_PHYSICIANS = "authorise_physicians"
    ACCEPT_TERMS = "accept_terms"
    VIEW_AUDIT_LOG = "view_audit_log"
    VIEW_EMPLOYEES = "view_employees"
    MANAGE_EMPLOYEES = "manage_employees"
    INSURANCE = "insurance"
    DECLARE_INVOICES = "declare_invoices"
    REQUEST_INTERVENTIONS = "request_interventions"
    VIEW_INTERVENTIONS = "view_interventions"
    VIEW_ALL_INTERVENTIONS = "view_all_interventions"
    VIEW_DASHBOARD = "view_dashboard"
    REPORTS = "reports"
    ABSENCE = "absence"
    PROVIDER_WORK = "provider_work"
    # Medical detail: granted only through a physician's authorisation (absence issue); no employer
    # role, desk role or Django superuser flag implies it.
    MEDICAL_DATA = "medical_data"


# A membership flag and what it grants; the permission group switches on everything under it.
GRANT_PERMS: dict[str, frozenset[Perm]] = {
    "can_invite_users": frozenset({Perm.VIEW_USERS, Perm.INVITE_USERS}),
    "can_assign_permissions": frozenset({Perm.VIEW_USERS, Perm.ASSIGN_PERMISSIONS}),
    "can_assign_roles": frozenset({Perm.VIEW_USERS, Perm.ASSIGN_ROLES}),
    "role_insurance": frozenset({Perm.INSURANCE, Perm.VIEW_EMPLOYEES, Perm.MANAGE_EMPLOYEES}),
    "role_declare_invoices": frozenset({Perm.DECLARE_INVOICES}),
    "role_request_interventions": frozenset(
        {Perm.REQUEST_INTERVENTIONS, Perm.VIEW_INTERVENTIONS, Perm.VIEW_EMPLOYEES}
    ),
    "role_reports": frozenset({Perm.REPORTS, Perm.VIEW_DASHBOARD}),
    "role_absence": frozenset({Perm.ABSENCE, Perm.VIEW_EMPLOYEES, Perm.MANAGE_EMPLOYEES}),
}

# Only a superuser of the organisation (all three permissions): the main account holder's work.
SUPERUSER_PERMS = frozenset(
    {
        Perm.AUTHORISE_PHYSICIANS,
        Perm.ACCEPT_TERMS,
        Perm.VIEW_AUDIT_LOG,
        Perm.VIEW_EMPLOYEES,
        Perm.MANAGE_EMPLOYEES,
        Perm.VIEW_INTERVENTIONS,
        Perm.VIEW_ALL_INTERVENTIONS,
        Perm.VIEW_DASHBOARD,
    }
)

# What an occupational physician may do for an employer that authorised them.
PHYSICIAN_PERMS = frozenset(
    {Perm.VIEW_ORGANISATION, Perm.REQUEST_INTERVENTIONS, Perm.VIEW_INTERVENTIONS, Perm.VIEW_EMPLOYEES}
)

# Perms that make sense only in a care provider's organisation, and those only in an employer's.
PROVIDER_MEMBER_PERMS = frozenset({Perm.VIEW_ORGANISATION, Perm.PROVIDER_WORK})
EMPLOYER_ONLY_PERMS = frozenset(
    {
        Perm.AUTHORISE_PHYSICIANS,
        Perm.VIEW_EMPLOYEES,
        Perm.MANAGE_EMPLOYEES,
        Perm.INSURANCE,
        Perm.DECLARE_INVOICES,
        Perm.REQUEST_INTERVENTIONS,
        Perm.VIEW_INTERVENTIONS,
        Perm.VIEW_ALL_INTERVENTIONS,
        Perm.VIEW_DASHBOARD,
        Perm.REPORTS,
        Perm.ABSENCE,
    }
)


def perms_for(actor: Actor) -> frozenset[Perm]:
    perms: set[Perm] = set()
    membership = actor.membership
    if membership is not None:
        perms.add(Perm.VIEW_ORGANISATION)
        for field, granted in GRANT_PERMS.items():
            if getattr(membership, field):
                perms |= granted
        if membership.is_superuser:
            perms |= SUPERUSER_PERMS
        if actor.organisation.is_provider:
            perms = (perms - EMPLOYER_ONLY_PERMS) | PROVIDER_MEMBER_PERMS
    if actor.physician_authorisation is not None and not actor.organisation.is_provider:
        perms |= PHYSICIAN_PERMS
    perms.discard(Perm.MEDICAL_DATA)
    return frozenset(perms)


ROLE_LABEL_FIELDS = (
    "role_insurance",
    "role_declare_invoices",
    "role_request_interventions",
    "role_reports",
    "role_absence",
)


def describe_role(actor: Actor) -> str:
    """The capacity someone acts in, for the audit log ('superuser', 'physician', roles...)."""
    if actor.membership is not None:
        if actor.membership.is_superuser:
            return "superuser"
        if actor.organisation.is_provider:
            return "provider"
        held = [f.removeprefix("role_") for f in ROLE_LABEL_FIELDS if getattr(actor.membership, f)]
        return ",".join(held) or "member"
    if actor.physician_authorisation is not None:
        return "physician"
    return ""
