"""The SMS code of an invitation: single use, capped over the invitation's life, per address and per number."""

from __future__ import annotations

import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkzorg.accounts.models import AccountEvent, Invitation, InvitationStatus
from werkzorg.audit.services import record
from werkzorg.core.errors import DomainError
from werkzorg.core.ratelimit import consume
from werkzorg.notifications.services import send_email, send_sms, sms_budget_allows

RESEND_INTERVAL = timedelta(seconds=30)


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


BLOCKED_MESSAGE = gettext_lazy(
    "This invitation is blocked because too many codes were asked or typed wrongly. "
    "Ask the person who invited you for a new invitation."
)


def _block(invitation: Invitation) -> DomainError:
    """Too many codes or wrong tries over the invitation's life: block it and tell the inviter."""
    invitation.status = InvitationStatus.BLOCKED
    invitation.blocked_at = timezone.now()
    invitation.code_hash = ""
    invitation.save(update_fields=["status", "blocked_at", "code_hash"])
    record(
        AccountEvent.INVITATION_BLOCKED,
        organisation=invitation.organisation,
        obj=invitation,
        outcome="blocked",
    )
    if invitation.invited_by is not None:
        send_email(
            invitation.invited_by.email,
            "invitation_blocked",
            {
                "invitation": invitation,
                "url": f"{settings.SITE_URL}/o/{invitation.organisation.slug}/gebruikers/",
            },
        )
    return DomainError(BLOCKED_MESSAGE)


def send_invitation_code(*, invitation_id: object, client_address: str | None = None) -> Invitation:
    """Send a fresh single-use SMS code (6 digits, 10 minutes, 5 tries); a new code voids the old one.

    Caps: INVITATION_MAX_CODES over the invitation's life (then it is blocked), one code per 30 s, a limit
    per client address, and the SMS budget per number and for the portal.
    """
    with transaction.atomic(durable=True):
        invitation = _open_invitation(invitation_id)
        problem = _may_send_code(invitation, client_address)
        if problem is None:
            code = f"{secrets.randbelow(10**6):06d}"
            invitation.code_hash = _hash_code(invitation, code)
            invitation.code_sent_at = timezone.now()
            invitation.code_attempts = 0
            invitation.code_verified_at = None
            invitation.codes_sent += 1
            invitation.save(
                update_fields=["code_hash", "code_sent_at", "code_attempts", "code_verified_at", "codes_sent"]
            )
            send_sms(
                invitation.phone,
                _("Your %(operator)s code is %(code)s. It is valid for 10 minutes. Never share it.")
                % {"operator": settings.OPERATOR_NAME, "code": code},
            )
    if problem is not None:
        raise problem
    return invitation


def _may_send_code(invitation: Invitation, client_address: str | None) -> DomainError | None:
    if invitation.codes_sent >= settings.INVITATION_MAX_CODES:
        return _block(invitation)
    if invitation.code_sent_at and timezone.now() - invitation.code_sent_at < RESEND_INTERVAL:
        return DomainError(_("A code was sent just now. Wait half a minute before asking for a new one."))
    later = DomainError(_("Too many codes were asked. Try again in an hour."))
    if not consume(
        f"invitation-code:address:{client_address}",
        limit=settings.INVITATION_CODES_PER_ADDRESS_PER_HOUR,
        window=3600,
    ):
        return later
    if not sms_budget_allows(invitation.phone):
        return later
    return None


def verify_invitation_code(
    *, invitation_id: object, code: str, client_address: str | None = None
) -> Invitation:
    # A wrong try must be counted even though the call fails: count in its own transaction, raise after it.
    with transaction.atomic(durable=True):
        invitation = _open_invitation(invitation_id)
        if not consume(
            f"invitation-try:address:{client_address}",
            limit=settings.INVITATION_TRIES_PER_ADDRESS_PER_HOUR,
            window=3600,
        ):
            problem: DomainError | None = DomainError(_("Too many tries. Try again in an hour."))
        else:
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
        invitation.wrong_codes += 1
        invitation.save(update_fields=["code_attempts", "wrong_codes"])
        if invitation.wrong_codes >= settings.INVITATION_MAX_WRONG_CODES:
            return _block(invitation)
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
