"""Inviting colleagues (and, by the desk, a new organisation's main account holder)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, get_or_404, require, scope
from werkzorg.access.policy import GRANT_FIELDS, check_grantable, is_superuser_grants, normalised_grants
from werkzorg.accounts.models import AccountEvent, Invitation, InvitationStatus, User
from werkzorg.audit.services import record
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.core.validators import mask_phone, validate_personal_work_email
from werkzorg.notifications.services import send_email
from werkzorg.organisations.models import Membership, Organisation
from werkzorg.organisations.queries import forget_organisations


def invitation_url(invitation: Invitation) -> str:
    return f"{settings.SITE_URL}/uitnodiging/{invitation.pk}/"


@transaction.atomic(durable=True)
def invite_user(
    *, actor: Actor, email: str, phone: str, full_name: str, grants: dict[str, bool]
) -> Invitation:
    """Invite a colleague: a new person registers with an SMS code, a known one accepts after signing in."""
    require(actor, Perm.INVITE_USERS)
    organisation = actor.organisation
    email = email.strip().lower()
    grants = normalised_grants(grants)
    check_grantable(actor, {}, grants)
    if is_superuser_grants(grants) and not organisation.is_provider:
        try:
            validate_personal_work_email(email, organisation.domains)
        except ValidationError as exc:
            raise DomainError(exc.messages[0], field="email") from exc

    # Whether the address already has an account (here or elsewhere) is not told: everyone gets an
    # invitation, and someone who has an account accepts it after signing in (nobody is added unasked).
    if scope(Membership, actor).filter(user__email__iexact=email).exists():
        raise ConflictError(
            _("%(email)s already works for %(org)s: change their rights instead of inviting them again.")
            % {"email": email, "org": organisation.name},
            field="email",
        )
    if scope(Invitation, actor).filter(email=email, status=InvitationStatus.PENDING).exists():
        raise ConflictError(
            _("%(email)s has already been invited. Resend the invitation from the list instead.")
            % {"email": email},
            field="email",
        )
    return _send_new_invitation(actor, organisation, email, phone, full_name, grants)


def _send_new_invitation(
    actor: Actor, organisation: Organisation, email: str, phone: str, full_name: str, grants: dict[str, bool]
) -> Invitation:
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        phone=phone,
        full_name=full_name.strip(),
        invited_by=actor.user,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
        **grants,
    )
    record(AccountEvent.INVITATION_SENT, actor=actor, organisation=organisation, obj=invitation)
    _send_invitation_email(invitation)
    return invitation


def _send_invitation_email(invitation: Invitation) -> None:
    known = User.objects.filter(email__iexact=invitation.email).exists()
    send_email(
        invitation.email,
        "invitation_existing" if known else "invitation",
        {
            "invitation": invitation,
            "url": invitation_url(invitation),
            "masked_phone": mask_phone(invitation.phone),
            "valid_days": settings.INVITATION_VALID_DAYS,
        },
    )


@transaction.atomic(durable=True)
def resend_invitation(*, actor: Actor, invitation: Invitation) -> None:
    require(actor, Perm.INVITE_USERS)
    locked = get_or_404(Invitation.objects.select_for_update(), actor, pk=invitation.pk)
    if locked.status != InvitationStatus.PENDING:
        raise ConflictError(_("This invitation is no longer open."))
    locked.expires_at = timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)
    locked.save(update_fields=["expires_at"])
    _send_invitation_email(locked)


@transaction.atomic(durable=True)
def revoke_invitation(*, actor: Actor, invitation: Invitation) -> None:
    require(actor, Perm.INVITE_USERS)
    locked = get_or_404(Invitation.objects.select_for_update(), actor, pk=invitation.pk)
    if locked.status != InvitationStatus.PENDING:
        raise ConflictError(_("This invitation is no longer open."))
    locked.status = InvitationStatus.REVOKED
    locked.code_hash = ""
    locked.save(update_fields=["status", "code_hash"])
    record(AccountEvent.INVITATION_REVOKED, actor=actor, obj=locked)


@transaction.atomic(durable=True)
def invite_main_account_holder(
    *, actor: Actor, organisation: Organisation, email: str, phone: str, full_name: str
) -> Invitation:
    """The desk starts an organisation: its first superuser gets an invitation with every right."""
    require(actor, Perm.DESK_ORGANISATIONS)
    email = email.strip().lower()
    if not organisation.is_provider:
        try:
            validate_personal_work_email(email, organisation.domains)
        except ValidationError as exc:
            raise DomainError(exc.messages[0], field="email") from exc
    if organisation.invitations.filter(email=email, status=InvitationStatus.PENDING).exists():
        raise ConflictError(_("%(email)s has already been invited.") % {"email": email}, field="email")
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise ConflictError(
            _("%(email)s already has an account at this organisation.") % {"email": email}, field="email"
        )
    return _send_new_invitation(
        actor, organisation, email, phone, full_name, dict.fromkeys(GRANT_FIELDS, True)
    )


@transaction.atomic(durable=True)
def accept_invitation(*, user: User, invitation_id: object) -> Membership:
    """Someone with an account joins the organisation that invited them: their own choice, signed in."""
    invitation = (
        Invitation.objects.select_for_update().select_related("organisation").filter(pk=invitation_id).first()
    )
    if invitation is None or not invitation.is_pending or invitation.email.lower() != user.email.lower():
        raise DomainError(
            _("This invitation is no longer valid. Ask the person who invited you for a new one.")
        )
    membership, _created = invitation.organisation.memberships.get_or_create(
        user=user, defaults={"added_by": invitation.invited_by, **invitation.grant_values()}
    )
    invitation.status = InvitationStatus.ACCEPTED
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["status", "accepted_at"])
    forget_organisations(user)
    actor = Actor(user=user, organisation=invitation.organisation, membership=membership)
    record(AccountEvent.MEMBER_ADDED, actor=actor, subject=user, obj=membership)
    return membership
