"""The desk's account actions, and re-encrypting two-factor secrets after a key rotation."""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.db import transaction

from werkzorg.access import Actor, Perm, require
from werkzorg.accounts.models import AccountEvent, User
from werkzorg.audit.services import record
from werkzorg.core import crypto


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
