"""Every write about organisations, memberships, rights, physicians and terms."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, require
from werkzorg.access.policy import describe_role
from werkzorg.accounts.models import User
from werkzorg.audit.models import AuditEventType
from werkzorg.audit.services import record
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.core.tabular import ImportReport, RowError, Table
from werkzorg.core.validators import validate_agb_code
from werkzorg.organisations.models import (
    GRANT_FIELDS,
    PERMISSION_FIELDS,
    Membership,
    Organisation,
    PhysicianAuthorisation,
    Practitioner,
    TermsAcceptance,
    TermsVersion,
)
from werkzorg.organisations.queries import count_superusers


def check_grantable(actor: Actor, old: dict[str, bool], new: dict[str, bool]) -> None:
    """Nobody grants (or takes away) what they do not hold, and each group needs its own permission."""
    held = actor.membership.grant_values() if actor.membership else {}
    for field in GRANT_FIELDS:
        if bool(old.get(field)) == bool(new.get(field)):
            continue
        needed = Perm.ASSIGN_PERMISSIONS if field in PERMISSION_FIELDS else Perm.ASSIGN_ROLES
        if needed not in actor.perms:
            raise DomainError(_("You may not change this right."), field=field)
        if not held.get(field):
            raise DomainError(_("You cannot grant a right you do not hold yourself."), field=field)


def is_superuser_grants(grants: dict[str, bool]) -> bool:
    return all(grants.get(f) for f in PERMISSION_FIELDS)


def normalised_grants(grants: dict[str, bool]) -> dict[str, bool]:
    return {field: bool(grants.get(field)) for field in GRANT_FIELDS}


@transaction.atomic
def change_rights(
    *, actor: Actor, membership: Membership, grants: dict[str, bool], version: int
) -> Membership:
    require(actor, Perm.VIEW_USERS)
    locked = Membership.objects.select_for_update().get(pk=membership.pk, organisation=actor.organisation)
    if locked.user_id == actor.user.pk:
        raise DomainError(_("You cannot change your own rights; ask another superuser."))
    if locked.version != version:
        raise ConflictError(
            _("Someone else changed these rights in the meantime. Reload the page and try again.")
        )
    new = normalised_grants(grants)
    old = locked.grant_values()
    if new == old:
        return locked
    check_grantable(actor, old, new)
    if locked.is_superuser and not is_superuser_grants(new) and count_superusers(actor.organisation) <= 1:
        raise DomainError(_("The organisation must keep at least one superuser."))
    for field, value in new.items():
        setattr(locked, field, value)
    locked.version += 1
    locked.save()
    changed = ",".join(f for f in GRANT_FIELDS if old[f] != new[f])
    record(
        AuditEventType.RIGHTS_CHANGED,
        user=actor.user,
        role=describe_role(actor),
        organisation=actor.organisation,
        subject=locked.user,
        obj=locked,
        detail=f"changed: {changed}",
    )
    return locked


@transaction.atomic
def remove_member(*, actor: Actor, membership: Membership) -> None:
    require(actor, Perm.INVITE_USERS)
    locked = Membership.objects.select_for_update().get(pk=membership.pk, organisation=actor.organisation)
    if locked.user_id == actor.user.pk:
        raise DomainError(_("You cannot remove yourself; ask another superuser."))
    if locked.is_superuser:
        require(actor, Perm.ASSIGN_PERMISSIONS)
        if count_superusers(actor.organisation) <= 1:
            raise DomainError(_("The organisation must keep at least one superuser."))
    record(
        AuditEventType.MEMBER_REMOVED,
        user=actor.user,
        role=describe_role(actor),
        organisation=actor.organisation,
        subject=locked.user,
        obj=locked,
    )
    user = locked.user
    locked.delete()
    if user.last_organisation_id == actor.organisation.pk:
        user.last_organisation = None
        user.save(update_fields=["last_organisation"])


def switch_organisation(*, user: User, organisation: Organisation) -> None:
    """Remember the organisation the user works for, so the next login lands there."""
    if user.last_organisation_id != organisation.pk:
        user.last_organisation = organisation
        user.save(update_fields=["last_organisation"])


def find_practitioner(*, actor: Actor, agb_code: str) -> Practitioner | None:
    require(actor, Perm.AUTHORISE_PHYSICIANS)
    return Practitioner.objects.filter(agb_code=agb_code.strip()).first()


@transaction.atomic
def authorise_physician(*, actor: Actor, practitioner: Practitioner) -> PhysicianAuthorisation:
    require(actor, Perm.AUTHORISE_PHYSICIANS)
    if (
        PhysicianAuthorisation.objects.active()
        .filter(organisation=actor.organisation, practitioner=practitioner)
        .exists()
    ):
        raise ConflictError(_("This physician is already authorised for your organisation."))
    authorisation = PhysicianAuthorisation.objects.create(
        organisation=actor.organisation, practitioner=practitioner, authorised_by=actor.user
    )
    record(
        AuditEventType.PHYSICIAN_AUTHORISED,
        user=actor.user,
        role=describe_role(actor),
        organisation=actor.organisation,
        obj=authorisation,
        detail=f"agb {practitioner.agb_code}",
    )
    return authorisation


@transaction.atomic
def revoke_physician(*, actor: Actor, authorisation: PhysicianAuthorisation) -> None:
    require(actor, Perm.AUTHORISE_PHYSICIANS)
    locked = PhysicianAuthorisation.objects.select_for_update().get(
        pk=authorisation.pk, organisation=actor.organisation
    )
    if locked.revoked_at is not None:
        raise ConflictError(_("This authorisation was already revoked."))
    locked.revoked_at = timezone.now()
    locked.revoked_by = actor.user
    locked.save(update_fields=["revoked_at", "revoked_by"])
    record(
        AuditEventType.PHYSICIAN_REVOKED,
        user=actor.user,
        role=describe_role(actor),
        organisation=actor.organisation,
        obj=locked,
        detail=f"agb {locked.practitioner.agb_code}",
    )


@transaction.atomic
def accept_terms(*, actor: Actor, terms_version: TermsVersion) -> TermsAcceptance:
    require(actor, Perm.ACCEPT_TERMS)
    acceptance, created = TermsAcceptance.objects.get_or_create(
        organisation=actor.organisation, terms_version=terms_version, defaults={"accepted_by": actor.user}
    )
    if created:
        record(
            AuditEventType.TERMS_ACCEPTED,
            user=actor.user,
            role=describe_role(actor),
            organisation=actor.organisation,
            obj=acceptance,
            detail=f"version {terms_version.version}",
        )
    return acceptance


PRACTITIONER_COLUMNS = {
    "agb": "agb_code",
    "agb code": "agb_code",
    "agb-code": "agb_code",
    "big": "big_number",
    "big nummer": "big_number",
    "big-nummer": "big_number",
    "naam": "name",
    "name": "name",
    "beroep": "profession",
    "profession": "profession",
    "e-mail": "email",
    "email": "email",
}


def import_practitioners(*, desk_user: User, table: Table) -> ImportReport:
    """The desk's register of physicians from CSV/Excel: every row checked first, then all in one go."""
    if not desk_user.is_staff:
        raise DomainError(_("Only the desk can import practitioners."))
    report = ImportReport()
    columns = {h: PRACTITIONER_COLUMNS[h] for h in table.header if h in PRACTITIONER_COLUMNS}
    if not {"agb_code", "name"} <= set(columns.values()):
        report.errors.append(RowError(1, [_("Missing column(s): %(columns)s.") % {"columns": "agb, naam"}]))
        return report
    rows: list[dict[str, str]] = []
    seen: dict[str, int] = {}
    for line, values in table.rows:
        data = {target: values.get(header, "").strip() for header, target in columns.items()}
        problems = []
        try:
            validate_agb_code(data.get("agb_code", ""))
        except ValidationError as exc:
            problems.extend(exc.messages)
        if not data.get("name"):
            problems.append(_("The name is missing."))
        if data.get("email"):
            try:
                validate_email(data["email"])
            except ValidationError:
                problems.append(_("The e-mail address is not valid."))
        if data.get("agb_code") in seen:
            problems.append(_("AGB code also appears on line %(line)d.") % {"line": seen[data["agb_code"]]})
        seen.setdefault(data.get("agb_code", ""), line)
        if problems:
            report.errors.append(RowError(line, problems))
        rows.append(data)
    if report.errors:
        return report
    with transaction.atomic():
        existing = {
            p.agb_code: p for p in Practitioner.objects.filter(agb_code__in=[r["agb_code"] for r in rows])
        }
        for data in rows:
            defaults = {k: v for k, v in data.items() if k != "agb_code" and (v or k == "big_number")}
            if data["agb_code"] in existing:
                Practitioner.objects.filter(pk=existing[data["agb_code"]].pk).update(**defaults)
                report.updated += 1
            else:
                Practitioner.objects.create(agb_code=data["agb_code"], **defaults)
                report.created += 1
    return report
