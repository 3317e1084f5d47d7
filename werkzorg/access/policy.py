"""THE mapping from what a person holds (membership grants, authorisations, desk staff) to what they may do.

Every rights decision of the portal is made here or in `rules.py`; see docs/architecture.md.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING

from django.utils.functional import Promise
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from werkzorg.core.errors import DomainError

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
    VIEW_EMPLOYEES = "view_employees"  # the register with contact details and date of birth
    PICK_EMPLOYEES = "pick_employees"  # find a person by name or number to request care for them
    MANAGE_EMPLOYEES = "manage_employees"
    INSURANCE = "insurance"
    VIEW_INBOX = "view_inbox"
    DECLARE_INVOICES = "declare_invoices"
    # The quarterly collective statements and quotes for extra work: the main account holder's only.
    BILLING_STATEMENTS = "billing_statements"
    REQUEST_INTERVENTIONS = "request_interventions"
    VIEW_INTERVENTIONS = "view_interventions"
    # Cancel a request, decide on an extension: the requester for their own, a superuser for all.
    MANAGE_INTERVENTIONS = "manage_interventions"
    VIEW_ALL_INTERVENTIONS = "view_all_interventions"
    VIEW_DASHBOARD = "view_dashboard"
    REPORTS = "reports"
    # Absence files: report sick and recovered, case management, the timeline and work-related advice.
    ABSENCE = "absence"
    # See absence files and their timeline (no medical detail): the absence role and the physician.
    VIEW_ABSENCE = "view_absence"
    PROVIDER_WORK = "provider_work"
    # Register and revoke the organisation's API clients (machine access): the main account holder's.
    MANAGE_API_CLIENTS = "manage_api_clients"
    # Confirm that another employer may see one of the organisation's insurance contracts (a link).
    CONFIRM_CONTRACT_LINKS = "confirm_contract_links"
    # Medical detail: held by an authorised occupational physician and nobody else; no employer role,
    # desk role or Django superuser flag implies it.
    MEDICAL_DATA = "medical_data"
    # The operator's desk (no organisation of its own).
    DESK_ORGANISATIONS = "desk_organisations"
    # Register insured people, issue premium statements on demand, keep contracts and prices.
    DESK_INSURANCE = "desk_insurance"
    # Vitality budgets, and deciding on declared invoices.
    DESK_BILLING = "desk_billing"
    DESK_USERS = "desk_users"
    DESK_CATALOGUE = "desk_catalogue"
    DESK_PRACTITIONERS = "desk_practitioners"
    DESK_TERMS = "desk_terms"
    DESK_EMPLOYEES = "desk_employees"
    DESK_AUDIT_LOG = "desk_audit_log"


# The grants a membership (or an invitation) holds: permissions are about managing users, roles
# about work. The field names are this vocabulary; models and forms use these tuples.
PERMISSION_FIELDS = ("can_invite_users", "can_assign_permissions", "can_assign_roles")
ROLE_FIELDS = (
    "role_insurance",
    "role_declare_invoices",
    "role_request_interventions",
    "role_reports",
    "role_absence",
)
GRANT_FIELDS = PERMISSION_FIELDS + ROLE_FIELDS

# A grant and what it gives; the permission group switches on everything under it.
GRANT_PERMS: dict[str, frozenset[Perm]] = {
    "can_invite_users": frozenset({Perm.VIEW_USERS, Perm.INVITE_USERS}),
    "can_assign_permissions": frozenset({Perm.VIEW_USERS, Perm.ASSIGN_PERMISSIONS}),
    "can_assign_roles": frozenset({Perm.VIEW_USERS, Perm.ASSIGN_ROLES}),
    "role_insurance": frozenset(
        {Perm.INSURANCE, Perm.VIEW_INBOX, Perm.VIEW_EMPLOYEES, Perm.PICK_EMPLOYEES, Perm.MANAGE_EMPLOYEES}
    ),
    "role_declare_invoices": frozenset({Perm.DECLARE_INVOICES}),
    "role_request_interventions": frozenset(
        {
            Perm.REQUEST_INTERVENTIONS,
            Perm.VIEW_INTERVENTIONS,
            Perm.MANAGE_INTERVENTIONS,
            Perm.PICK_EMPLOYEES,
        }
    ),
    "role_reports": frozenset({Perm.REPORTS, Perm.VIEW_DASHBOARD}),
    "role_absence": frozenset(
        {Perm.ABSENCE, Perm.VIEW_ABSENCE, Perm.VIEW_EMPLOYEES, Perm.PICK_EMPLOYEES, Perm.MANAGE_EMPLOYEES}
    ),
}

# Only a superuser of the organisation (all three permissions): the main account holder's work.
SUPERUSER_PERMS = frozenset(
    {
        Perm.AUTHORISE_PHYSICIANS,
        Perm.ACCEPT_TERMS,
        Perm.VIEW_AUDIT_LOG,
        Perm.VIEW_EMPLOYEES,
        Perm.PICK_EMPLOYEES,
        Perm.MANAGE_EMPLOYEES,
        Perm.VIEW_INTERVENTIONS,
        Perm.MANAGE_INTERVENTIONS,
        Perm.VIEW_ALL_INTERVENTIONS,
        Perm.VIEW_DASHBOARD,
        Perm.MANAGE_API_CLIENTS,
        Perm.VIEW_INBOX,
        Perm.CONFIRM_CONTRACT_LINKS,
        Perm.BILLING_STATEMENTS,
    }
)

# What an occupational physician may do for an employer that authorised them.
PHYSICIAN_PERMS = frozenset(
    {
        Perm.VIEW_ORGANISATION,
        Perm.REQUEST_INTERVENTIONS,
        Perm.VIEW_INTERVENTIONS,
        Perm.MANAGE_INTERVENTIONS,
        Perm.PICK_EMPLOYEES,
        Perm.VIEW_ABSENCE,
        Perm.MEDICAL_DATA,
    }
)

# Perms that make sense only in a care provider's organisation, and those only in an employer's.
PROVIDER_MEMBER_PERMS = frozenset({Perm.VIEW_ORGANISATION, Perm.PROVIDER_WORK})
# A machine client holds roles only (never user management), and never these, whatever it was given:
# medical detail is a physician's alone, and a client manages no clients.
CLIENT_GRANT_FIELDS = ROLE_FIELDS
NEVER_FOR_CLIENTS = frozenset({Perm.MEDICAL_DATA, Perm.MANAGE_API_CLIENTS, Perm.CONFIRM_CONTRACT_LINKS})
EMPLOYER_ONLY_PERMS = frozenset(
    {
        Perm.AUTHORISE_PHYSICIANS,
        Perm.VIEW_EMPLOYEES,
        Perm.PICK_EMPLOYEES,
        Perm.MANAGE_EMPLOYEES,
        Perm.INSURANCE,
        Perm.VIEW_INBOX,
        Perm.CONFIRM_CONTRACT_LINKS,
        Perm.DECLARE_INVOICES,
        Perm.BILLING_STATEMENTS,
        Perm.REQUEST_INTERVENTIONS,
        Perm.VIEW_INTERVENTIONS,
        Perm.MANAGE_INTERVENTIONS,
        Perm.VIEW_ALL_INTERVENTIONS,
        Perm.VIEW_DASHBOARD,
        Perm.REPORTS,
        Perm.ABSENCE,
        Perm.VIEW_ABSENCE,
    }
)

# The desk: a staff member holds the perms of their desk roles, no more (least privilege).
DESK_ROLE_PERMS: dict[str, frozenset[Perm]] = {
    "desk_support": frozenset({Perm.DESK_USERS, Perm.DESK_EMPLOYEES, Perm.DESK_AUDIT_LOG}),
    "desk_catalogue": frozenset({Perm.DESK_CATALOGUE, Perm.DESK_PRACTITIONERS}),
    "desk_contracts": frozenset(
        {Perm.DESK_ORGANISATIONS, Perm.DESK_TERMS, Perm.DESK_INSURANCE, Perm.DESK_BILLING}
    ),
}


def is_superuser_grants(grants: Mapping[str, bool]) -> bool:
    """THE definition of a superuser (main account holder): all three user-management permissions."""
    return all(grants.get(field) for field in PERMISSION_FIELDS)


SUPERUSER_LOOKUP = dict.fromkeys(PERMISSION_FIELDS, True)


def normalised_grants(grants: Mapping[str, bool]) -> dict[str, bool]:
    return {field: bool(grants.get(field)) for field in GRANT_FIELDS}


def grant_values(holder: object) -> dict[str, bool]:
    return {field: bool(getattr(holder, field, False)) for field in GRANT_FIELDS}


def perms_for(actor: Actor) -> frozenset[Perm]:
    if actor.api_client is not None:
        return _client_perms(actor)
    if actor.is_desk:
        return frozenset().union(
            *(p for role, p in DESK_ROLE_PERMS.items() if getattr(actor.user, role, False))
        )
    perms: set[Perm] = set()
    membership = actor.membership
    organisation = actor.organisation
    is_provider = bool(organisation is not None and organisation.is_provider)
    if membership is not None:
        perms.add(Perm.VIEW_ORGANISATION)
        held = grant_values(membership)
        for field, granted in GRANT_PERMS.items():
            if held[field]:
                perms |= granted
        if is_superuser_grants(held):
            perms |= SUPERUSER_PERMS
        if is_provider:
            perms = (perms - EMPLOYER_ONLY_PERMS) | PROVIDER_MEMBER_PERMS
    if actor.physician_authorisation is not None and not is_provider:
        perms |= PHYSICIAN_PERMS
    return frozenset(perms)


def _client_perms(actor: Actor) -> frozenset[Perm]:
    held = grant_values(actor.api_client)
    perms = {Perm.VIEW_ORGANISATION}.union(*(GRANT_PERMS[f] for f in CLIENT_GRANT_FIELDS if held[f]))
    if actor.organisation is not None and actor.organisation.is_provider:
        perms = (perms - EMPLOYER_ONLY_PERMS) | PROVIDER_MEMBER_PERMS
    return frozenset(perms - NEVER_FOR_CLIENTS)


def check_client_roles(grants: Mapping[str, bool]) -> None:
    """A client gets roles only: never user management, whoever registers it."""
    not_for_clients = [f for f in GRANT_FIELDS if grants.get(f) and f not in CLIENT_GRANT_FIELDS]
    if not_for_clients:
        raise DomainError(
            _("An API client cannot hold: %(rights)s.")
            % {"rights": ", ".join(grant_labels(not_for_clients))},
            field=not_for_clients[0],
        )


def check_client_grantable(actor: Actor, grants: Mapping[str, bool]) -> None:
    """An organisation's own client: roles only, and only those its registrar may grant (as for people)."""
    check_client_roles(grants)
    check_grantable(actor, {}, grants)


def grant_needs(field: str) -> Perm:
    return Perm.ASSIGN_PERMISSIONS if field in PERMISSION_FIELDS else Perm.ASSIGN_ROLES


def may_grant(actor: Actor, field: str) -> bool:
    """Nobody grants (or takes away) what they do not hold, and each group needs its own permission."""
    held = grant_values(actor.membership) if actor.membership is not None else {}
    return grant_needs(field) in actor.perms and held.get(field, False)


def check_grantable(actor: Actor, old: Mapping[str, bool], new: Mapping[str, bool]) -> None:
    refused = [f for f in GRANT_FIELDS if bool(old.get(f)) != bool(new.get(f)) and not may_grant(actor, f)]
    if refused:
        raise DomainError(
            _("You may not grant or take away: %(rights)s.") % {"rights": ", ".join(grant_labels(refused))},
            field=refused[0],
        )


def grant_labels(fields: list[str]) -> list[str]:
    return [str(GRANT_LABELS[f]) for f in fields]


# Labels of the grants in the words the UI uses (translated where shown).
GRANT_LABELS: dict[str, Promise] = {
    "can_invite_users": gettext_lazy("invite and remove users"),
    "can_assign_permissions": gettext_lazy("assign permissions"),
    "can_assign_roles": gettext_lazy("assign roles"),
    "role_insurance": gettext_lazy("collective health insurance"),
    "role_declare_invoices": gettext_lazy("declare invoices"),
    "role_request_interventions": gettext_lazy("request interventions"),
    "role_reports": gettext_lazy("reports"),
    "role_absence": gettext_lazy("absence management"),
}


def describe_role(actor: Actor) -> str:
    """The capacity someone acts in, for the audit log ('desk', 'superuser', 'physician', roles...)."""
    if actor.is_desk:
        return "desk"
    if actor.api_client is not None:
        return f"api-client:{actor.api_client.pk}"
    parts: list[str] = []
    if actor.membership is not None:
        held = grant_values(actor.membership)
        if is_superuser_grants(held):
            parts.append("superuser")
        elif actor.organisation is not None and actor.organisation.is_provider:
            parts.append("provider")
        else:
            parts.append(",".join(f.removeprefix("role_") for f in ROLE_FIELDS if held[f]) or "member")
    if actor.physician_authorisation is not None:
        parts.append("physician")
    return "+".join(parts)


def may_change_rights(actor: Actor) -> bool:
    """Someone who may assign roles or permissions (each field is then checked by may_grant)."""
    return Perm.ASSIGN_ROLES in actor.perms or Perm.ASSIGN_PERMISSIONS in actor.perms


def standing_flags(actor: Actor) -> frozenset[str]:
    """What someone is, for wording on pages: templates ask `can.superuser`, `can.physician`, `can.desk`."""
    flags = set()
    if actor.is_desk and actor.perms:
        flags.add("desk")
    if actor.membership is not None and is_superuser_grants(grant_values(actor.membership)):
        flags.add("superuser")
    if actor.physician_authorisation is not None and Perm.MEDICAL_DATA in actor.perms:
        flags.add("physician")
    return frozenset(flags)


@functools.cache
def _described(language: str | None, held: tuple[bool, ...]) -> tuple[str, ...]:
    grants = dict(zip(GRANT_FIELDS, held, strict=True))
    labels = [_("superuser")] if is_superuser_grants(grants) else []
    shown = ROLE_FIELDS if labels else GRANT_FIELDS
    return (*labels, *(str(GRANT_LABELS[f]) for f in shown if grants[f]))


def describe_grants(held: tuple[bool, ...]) -> tuple[str, ...]:
    """A membership's permissions and roles (values in GRANT_FIELDS' order) in the words an HR manager
    reads, for lists of users. Fifty users hold a handful of combinations: each is put in words once per
    language and process (there are at most 2^8)."""
    return _described(get_language(), tuple(map(bool, held)))
