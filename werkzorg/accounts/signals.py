"""Sign-ins, failures, sign-outs and contact changes go to the audit log."""

from __future__ import annotations

import time
from typing import Any

from allauth.account.signals import email_changed
from allauth.mfa.signals import authenticator_removed
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from werkzorg.accounts.models import AccountEvent, User
from werkzorg.audit.events import AuditEventType
from werkzorg.audit.services import record


@receiver(user_logged_in)
def on_logged_in(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session["werkzorg_login_at"] = now
        request.session["werkzorg_last_activity"] = now
    record(AuditEventType.LOGIN, user=user, request=request)


@receiver(user_login_failed)
def on_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # The typed address is not stored (it may be a mistyped password); a known account is named by id.
    email = str(credentials.get("email") or credentials.get("username") or "")
    known = User.objects.filter(email__iexact=email).only("pk").first() if email else None
    record(
        AuditEventType.LOGIN_FAILED,
        request=request,
        outcome="failure",
        subject=known,
        detail="known account" if known else "unknown account",
    )


@receiver(user_logged_out)
def on_logged_out(sender: Any, request: HttpRequest | None, user: User | None, **kwargs: Any) -> None:
    if user is not None:
        record(AuditEventType.LOGOUT, user=user, request=request)


@receiver(email_changed)
def on_email_changed(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    record(AccountEvent.CONTACT_CHANGED, user=user, request=request, subject=user, detail="email")


@receiver(authenticator_removed)
def on_authenticator_removed(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    """The "has a second factor" note in the session is checked again after a factor is removed."""
    from werkzorg.accounts.middleware import HAS_FACTOR_KEY

    if request is not None and hasattr(request, "session"):
        request.session.pop(HAS_FACTOR_KEY, None)
