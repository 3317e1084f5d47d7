"""Every write about organisations, memberships, rights, physicians and terms."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, get_or_404, require, scope
from werkzorg.access.policy import (
    GRANT_FIELDS,
    check_grantable,
    grant_labels,
    is_superuser_grants,
    may_grant,
    normalised_grants,
)
from werkzorg.audit.events import AuditEventType
from werkzorg.audit.services import record
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.core.importer import Column, Importer
from werkzorg.core.tabular import ImportReport, Table
from werkzorg.core.validators import validate_agb_code
from werkzorg.organisations.models import (
    Collectivity,
    Membership,
    Organisation,
    OrganisationEvent,
    PhysicianAuthorisation,
    Practitioner,
    TermsAcceptance,
    TermsVersion,
)
from werkzorg.organisations.queries import count_superusers, forget_organisations, forget_terms


def _lock_rights(actor: Actor) -> None:
    """One rights change at a time per organisation: two superusers demoting each other at once must
    not both see the other one still there. The organisation's row is the lock."""
    list(Organisation.objects.select_for_update().filter(pk=actor.organisation.pk).values_list("pk"))


@transaction.atomic(durable=True)
def change_rights(
    *,
    actor: Actor,
    membership: Membership,
    grants: dict[str, bool],
    version: int,
    insurance_collectivities: list[Collectivity] | None = None,
) -> Membership:
    """New grants; `insurance_collectivities` (None: leave as is; empty: all) limits the insurance role."""
    require(actor, Perm.VIEW_USERS)
    _lock_rights(actor)
    locked = get_or_404(Membership.objects.select_for_update(), actor, pk=membership.pk)
    if locked.user_id == actor.user.pk:
        raise DomainError(_("You cannot change your own rights; ask another superuser."))
    if locked.version != version:
        raise ConflictError(
            _("Someone else changed these rights in the meantime. Reload the page and try again.")
        )
    new = normalised_grants(grants)
    old = locked.grant_values()
    old_limit = set(locked.insurance_collectivities.values_list("pk", flat=True))
    new_limit = old_limit if insurance_collectivities is None else {c.pk for c in insurance_collectivities}
    if new == old and new_limit == old_limit:
        return locked
    check_grantable(actor, old, new)
    if new_limit != old_limit:
        if not may_grant(actor, "role_insurance"):
            raise DomainError(
                _("You may not grant or take away: %(rights)s.")
                % {"rights": grant_labels(["role_insurance"])[0]}
            )
        allowed = set(scope(Collectivity, actor).values_list("pk", flat=True))
        locked.insurance_collectivities.set(new_limit & allowed)
    if is_superuser_grants(old) and not is_superuser_grants(new) and count_superusers(actor) <= 1:
        raise DomainError(_("The organisation must keep at least one superuser."))
    for field, value in new.items():
        setattr(locked, field, value)
    locked.version += 1
    locked.save()
    changed = ",".join(
        [f for f in GRANT_FIELDS if old[f] != new[f]] + (["collectivities"] if new_limit != old_limit else [])
    )
    record(
        OrganisationEvent.RIGHTS_CHANGED,
        actor=actor,
        subject=locked.user,
        obj=locked,
        detail=f"changed: {changed}",
    )
    return locked


@transaction.atomic(durable=True)
def remove_member(*, actor: Actor, membership: Membership) -> None:
    require(actor, Perm.INVITE_USERS)
    _lock_rights(actor)
    locked = get_or_404(
        Membership.objects.select_for_update().select_related("user"), actor, pk=membership.pk
    )
    if locked.user_id == actor.user.pk:
        raise DomainError(_("You cannot remove yourself; ask another superuser."))
    if is_superuser_grants(locked.grant_values()) and count_superusers(actor) <= 1:
        raise DomainError(_("The organisation must keep at least one superuser."))
    # Removing takes away every right the member holds: only who could have granted them may do it.
    check_grantable(actor, locked.grant_values(), {})
    record(OrganisationEvent.MEMBER_REMOVED, actor=actor, subject=locked.user, obj=locked)
    user = locked.user
    locked.delete()
    forget_organisations(user)
    if user.last_organisation_id == actor.organisation.pk:
        user.last_organisation = None
        user.save(update_fields=["last_organisation"])


def switch_organisation(*, actor: Actor) -> None:
    """Remember the organisation the user works for, so the next login lands there."""
    user = actor.user
    if user.last_organisation_id != actor.organisation.pk:
        user.last_organisation = actor.organisation
        user.save(update_fields=["last_organisation"])


def find_practitioner(*, actor: Actor, agb_code: str) -> Practitioner | None:
    require(actor, Perm.AUTHORISE_PHYSICIANS)
    return Practitioner.objects.filter(agb_code=agb_code.strip()).first()


@transaction.atomic(durable=True)
def authorise_physician(*, actor: Actor, practitioner: Practitioner) -> PhysicianAuthorisation:
    require(actor, Perm.AUTHORISE_PHYSICIANS)
    if (
        scope(PhysicianAuthorisation, actor)
        .filter(practitioner=practitioner, revoked_at__isnull=True)
        .exists()
    ):
        raise ConflictError(_("This physician is already authorised for your organisation."))
    authorisation = PhysicianAuthorisation.objects.create(
        organisation=actor.organisation, practitioner=practitioner, authorised_by=actor.user
    )
    forget_organisations(practitioner.user)
    record(
        OrganisationEvent.PHYSICIAN_AUTHORISED,
        actor=actor,
        obj=authorisation,
        detail=f"agb {practitioner.agb_code}",
    )
    return authorisation


@transaction.atomic(durable=True)
def revoke_physician(*, actor: Actor, authorisation: PhysicianAuthorisation) -> None:
    require(actor, Perm.AUTHORISE_PHYSICIANS)
    locked = get_or_404(
        PhysicianAuthorisation.objects.select_for_update().select_related("practitioner"),
        actor,
        pk=authorisation.pk,
    )
    if locked.revoked_at is not None:
        raise ConflictError(_("This authorisation was already revoked."))
    locked.revoked_at = timezone.now()
    locked.revoked_by = actor.user
    locked.save(update_fields=["revoked_at", "revoked_by"])
    forget_organisations(locked.practitioner.user)
    record(
        OrganisationEvent.PHYSICIAN_REVOKED,
        actor=actor,
        obj=locked,
        detail=f"agb {locked.practitioner.agb_code}",
    )


def accept_terms(*, actor: Actor, terms_version: TermsVersion) -> TermsAcceptance:
    """Accept the terms in force for the actor's organisation (also part of a superuser's registration)."""
    require(actor, Perm.ACCEPT_TERMS)
    with transaction.atomic():
        acceptance, created = scope(TermsAcceptance, actor).get_or_create(
            terms_version=terms_version,
            defaults={"organisation": actor.organisation, "accepted_by": actor.user},
        )
        if created:
            forget_terms(actor.organisation)
            record(
                OrganisationEvent.TERMS_ACCEPTED,
                actor=actor,
                obj=acceptance,
                detail=f"version {terms_version.version}",
            )
    return acceptance


def _check_email(value: str) -> list[str]:
    try:
        validate_email(value)
    except ValidationError:
        return [_("The e-mail address is not valid.")]
    return []


def _check_agb(value: str) -> list[str]:
    try:
        validate_agb_code(value)
    except ValidationError as exc:
        return list(exc.messages)
    return []


PRACTITIONER_IMPORT = Importer(
    columns=[
        Column("agb_code", ("agb", "agb code", "agb-code"), required=True, check=_check_agb, unique=True),
        Column("big_number", ("big", "big nummer", "big-nummer")),
        Column("name", ("naam", "name"), required=True),
        Column("profession", ("beroep", "profession")),
        Column("email", ("e-mail", "email"), check=_check_email),
    ]
)


def import_practitioners(*, actor: Actor, table: Table) -> ImportReport:
    """The desk's register of physicians from CSV/Excel: every row checked first, then all in one go."""
    require(actor, Perm.DESK_PRACTITIONERS)

    def write(rows: list[dict[str, str]], report: ImportReport) -> None:
        existing = {
            p.agb_code: p for p in Practitioner.objects.filter(agb_code__in=[r["agb_code"] for r in rows])
        }
        for data in rows:
            values = {k: v for k, v in data.items() if k != "agb_code" and (v or k == "big_number")}
            if data["agb_code"] in existing:
                Practitioner.objects.filter(pk=existing[data["agb_code"]].pk).update(**values)
                report.updated += 1
            else:
                Practitioner.objects.create(agb_code=data["agb_code"], **values)
                report.created += 1
        record(
            AuditEventType.DESK_IMPORTED,
            actor=actor,
            detail=f"practitioners: created {report.created}, updated {report.updated}",
        )

    return PRACTITIONER_IMPORT.run(table, write=write)
