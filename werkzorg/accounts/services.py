"""Invitations, registration by SMS code, and the desk's account actions."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, get_or_404, require, scope
from werkzorg.access.policy import GRANT_FIELDS, check_grantable, is_superuser_grants, normalised_grants
from werkzorg.accounts.models import AccountEvent, Invitation, InvitationStatus, User
from werkzorg.audit.services import record
from werkzorg.core import crypto
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.core.validators import mask_phone, validate_personal_work_email
from werkzorg.notifications.services import send_email, send_sms
from werkzorg.organisations.models import Membership, Organisation, TermsVersion
from werkzorg.organisations.queries import terms_outstanding
from werkzorg.organisations.services import accept_terms

RESEND_INTERVAL = timedelta(seconds=30)


@dataclass(frozen=True)
class InviteResult:
    """Either a new invitation was sent, or a known person was added with a notice."""

    invitation: Invitation | None = None
    membership: Membership | None = None


def invitation_url(invitation: Invitation) -> str:
    return f"{settings.SITE_URL}/uitnodiging/{invitation.pk}/"


@transaction.atomic(durable=True)
def invite_user(
    *, actor: Actor, email: str, phone: str, full_name: str, grants: dict[str, bool]
) -> InviteResult:
    """Invite a colleague; a person already known (same e-mail and mobile) is added without a second invitation."""
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

    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        if scope(Membership, actor).filter(user=existing).exists():
            raise ConflictError(
                _(
                    "%(email)s already has an account at %(org)s: change their rights instead of adding them again."
                )
                % {"email": email, "org": organisation.name},
                field="email",
            )
        if existing.phone != phone:
            raise DomainError(
                _(
                    "%(email)s is already known with a different mobile number. Check the number; "
                    "the person can change it themselves after signing in, or ask the desk."
                )
                % {"email": email},
                field="phone",
            )
        membership = Membership.objects.create(
            user=existing, organisation=organisation, added_by=actor.user, **grants
        )
        record(AccountEvent.MEMBER_ADDED, actor=actor, subject=existing, obj=membership)
        send_email(
            existing.email,
            "member_added",
            {"organisation": organisation, "user": existing, "site_url": settings.SITE_URL},
        )
        return InviteResult(membership=membership)

    if scope(Invitation, actor).filter(email=email, status=InvitationStatus.PENDING).exists():
        raise ConflictError(
            _("%(email)s has already been invited. Resend the invitation from the list instead.")
            % {"email": email},
            field="email",
        )
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        phone=phone,
        full_name=full_name.strip(),
        invited_by=actor.user,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
        **grants,
    )
    record(AccountEvent.INVITATION_SENT, actor=actor, obj=invitation)
    _send_invitation_email(invitation)
    return InviteResult(invitation=invitation)


def _send_invitation_email(invitation: Invitation) -> None:
    send_email(
        invitation.email,
        "invitation",
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


def _hash_code(invitation: Invitation, code: str) -> str:
    return salted_hmac("werkzorg.invitation-code", f"{invitation.pk}:{code}").hexdigest()


def _open_invitation(invitation_id: object) -> Invitation:
    invitation = (
        Invitation.objects.select_for_update().select_related("organisation").filter(pk=invitation_id).first()
    )
    if invitation is None or not invitation.is_pending:
        raise DomainError(
            _("This invitation is no longer valid. Ask the person who invited you for a new one.")
        )
    return invitation


@transaction.atomic(durable=True)
def send_invitation_code(*, invitation_id: object) -> Invitation:
    """Send a fresh single-use SMS code (6 digits, 10 minutes, 5 tries); a new code voids the old one."""
    invitation = _open_invitation(invitation_id)
    now = timezone.now()
    if invitation.code_sent_at and now - invitation.code_sent_at < RESEND_INTERVAL:
        raise DomainError(_("A code was sent just now. Wait half a minute before asking for a new one."))
    code = f"{secrets.randbelow(10**6):06d}"
    invitation.code_hash = _hash_code(invitation, code)
    invitation.code_sent_at = now
    invitation.code_attempts = 0
    invitation.code_verified_at = None
    invitation.save(update_fields=["code_hash", "code_sent_at", "code_attempts", "code_verified_at"])
    send_sms(
        invitation.phone,
        _("Your %(operator)s code is %(code)s. It is valid for 10 minutes. Never share it.")
        % {"operator": settings.OPERATOR_NAME, "code": code},
    )
    return invitation


def verify_invitation_code(*, invitation_id: object, code: str) -> Invitation:
    # A wrong try must be counted even though the call fails: count in its own transaction, raise after it.
    with transaction.atomic():
        invitation = _open_invitation(invitation_id)
        problem = _check_code(invitation, code)
    if problem is not None:
        raise problem
    return invitation


def _check_code(invitation: Invitation, code: str) -> DomainError | None:
    now = timezone.now()
    if not invitation.code_hash or invitation.code_sent_at is None:
        return DomainError(_("This code is no longer valid. Ask for a new code."))
    if now - invitation.code_sent_at > timedelta(seconds=settings.INVITATION_CODE_VALID_SECONDS):
        return DomainError(_("This code has expired (it is valid for 10 minutes). Ask for a new code."))
    if invitation.code_attempts >= settings.INVITATION_CODE_MAX_ATTEMPTS:
        return DomainError(_("Too many wrong codes. Ask for a new code."))
    if not hmac.compare_digest(invitation.code_hash, _hash_code(invitation, code.strip())):
        invitation.code_attempts += 1
        invitation.save(update_fields=["code_attempts"])
        left = settings.INVITATION_CODE_MAX_ATTEMPTS - invitation.code_attempts
        if left <= 0:
            return DomainError(_("Too many wrong codes. Ask for a new code."))
        return DomainError(
            _("The code is not correct. You have %(left)d tries left.") % {"left": left}, field="code"
        )
    invitation.code_hash = ""
    invitation.code_verified_at = now
    invitation.save(update_fields=["code_hash", "code_verified_at"])
    return None


def registration_window_open(invitation: Invitation) -> bool:
    window = timedelta(seconds=settings.INVITATION_REGISTRATION_WINDOW_SECONDS)
    return invitation.code_verified_at is not None and timezone.now() - invitation.code_verified_at <= window


def registration_needs_terms(invitation: Invitation) -> bool:
    return is_superuser_grants(invitation.grant_values()) and terms_outstanding(invitation.organisation)


@transaction.atomic(durable=True)
def register_from_invitation(
    *, invitation_id: object, full_name: str, password: str, accept: bool, ip_address: str | None = None
) -> User:
    invitation = _open_invitation(invitation_id)
    if not registration_window_open(invitation):
        raise DomainError(
            _("The registration was not finished within 15 minutes of the code. Ask for a new code.")
        )
    if registration_needs_terms(invitation) and not accept:
        raise DomainError(_("Accept the terms and conditions to create the account."), field="accept_terms")
    candidate = User(email=invitation.email, full_name=full_name.strip(), phone=invitation.phone)
    try:
        validate_password(password, candidate)
    except ValidationError as exc:
        raise DomainError(" ".join(exc.messages), field="password1") from exc
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                invitation.email,
                password,
                full_name=full_name.strip(),
                phone=invitation.phone,
                phone_verified=True,
            )
    except IntegrityError as exc:
        raise ConflictError(
            _("An account with this e-mail address already exists. Sign in instead.")
        ) from exc
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    membership = Membership.objects.create(
        user=user,
        organisation=invitation.organisation,
        added_by=invitation.invited_by,
        **invitation.grant_values(),
    )
    user.last_organisation = invitation.organisation
    user.save(update_fields=["last_organisation"])
    invitation.status = InvitationStatus.ACCEPTED
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["status", "accepted_at"])
    actor = Actor(user=user, organisation=invitation.organisation, membership=membership)
    record(AccountEvent.INVITATION_ACCEPTED, actor=actor, obj=invitation)
    current_terms = TermsVersion.current()
    if accept and current_terms is not None and registration_needs_terms(invitation):
        accept_terms(actor=actor, terms_version=current_terms)
    return user


def end_user_sessions(user: User) -> None:
    """Log the user out everywhere (allauth tracks every session a login creates)."""
    for user_session in UserSession.objects.filter(user=user):
        user_session.end()


@transaction.atomic(durable=True)
def disable_user(*, actor: Actor, user: User) -> None:
    """The desk disables an account: no more logins, and every open session ends now."""
    require(actor, Perm.DESK_USERS)
    user.is_active = False
    user.save(update_fields=["is_active"])
    end_user_sessions(user)
    record(AccountEvent.USER_DISABLED, actor=actor, subject=user, obj=user)


@transaction.atomic(durable=True)
def reset_two_factor(*, actor: Actor, user: User) -> None:
    """The desk removes a lost device; the user sets up a new one at the next sign-in."""
    require(actor, Perm.DESK_USERS)
    Authenticator.objects.filter(user=user).delete()
    end_user_sessions(user)
    record(AccountEvent.TWO_FACTOR_RESET, actor=actor, subject=user, obj=user)


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
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        phone=phone,
        full_name=full_name.strip(),
        invited_by=actor.user,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
        **dict.fromkeys(GRANT_FIELDS, True),
    )
    record(AccountEvent.INVITATION_SENT, actor=actor, organisation=organisation, obj=invitation)
    _send_invitation_email(invitation)
    return invitation


def reencrypt_two_factor_secrets() -> int:
    """Move every TOTP secret and recovery seed to the newest field key (manage.py rotate_encryption_keys)."""
    count = 0
    with transaction.atomic():
        for authenticator in Authenticator.objects.select_for_update().exclude(
            type=Authenticator.Type.WEBAUTHN
        ):
            field = "secret" if authenticator.type == Authenticator.Type.TOTP else "seed"
            if field in authenticator.data:
                authenticator.data[field] = crypto.reencrypt(authenticator.data[field])
                authenticator.save(update_fields=["data"])
                count += 1
    return count
