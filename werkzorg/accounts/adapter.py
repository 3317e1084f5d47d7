"""django-allauth adapters: invitation-only accounts, phone numbers on the user, SMS through our backend."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from werkzorg.accounts.models import AccountEvent, User
from werkzorg.audit.services import record
from werkzorg.core import crypto
from werkzorg.core.validators import normalise_phone
from werkzorg.notifications.services import sms_budget_allows
from werkzorg.notifications.sms import send_sms_now

logger = logging.getLogger(__name__)


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Accounts come only from invitations (docs/domain.md, "Accounts"): nobody signs themselves up.
        return False

    def format_email_subject(self, subject: str) -> str:
        from werkzorg.organisations.models import OperatorSettings

        return f"[{OperatorSettings.current().name}] {subject}"

    def get_reset_password_from_key_url(self, key: str) -> str:
        # Mailed links come from SITE_URL, never from the Host header a client sent.
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return settings.SITE_URL + path.replace("UID-KEY", quote(key))

    def get_email_confirmation_url(self, request: HttpRequest, emailconfirmation: Any) -> str:
        return settings.SITE_URL + reverse("account_confirm_email", args=[emailconfirmation.key])

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return reverse("home")

    def clean_phone(self, phone: str) -> str:
        from django.core.exceptions import ValidationError
        from django.forms import ValidationError as FormValidationError

        try:
            return normalise_phone(phone)
        except ValidationError as exc:
            raise FormValidationError(exc.messages[0]) from exc

    def phone_form_field(self, **kwargs: Any) -> Any:
        from werkzorg.core.forms import PhoneField

        return PhoneField(**kwargs)

    def send_verification_code_sms(self, user: Any, phone: str, code: str, **kwargs: Any) -> None:
        if not sms_budget_allows(phone):  # the same SMS budget as invitation codes; allauth limits retries
            logger.warning("SMS budget used up for a phone verification; code not sent")
            return
        send_sms_now(
            phone,
            _("Your %(operator)s code is %(code)s. It is valid for 10 minutes. Never share it.")
            % {"operator": settings.OPERATOR_NAME, "code": code},
        )

    def send_unknown_account_sms(self, phone: str, **kwargs: Any) -> None:
        pass

    def send_account_already_exists_sms(self, phone: str) -> None:
        pass

    def set_phone(self, user: Any, phone: str, verified: bool) -> None:
        user.phone = phone
        user.phone_verified = verified
        user.save(update_fields=["phone", "phone_verified"])

    def get_phone(self, user: Any) -> tuple[str, bool] | None:
        return (user.phone, user.phone_verified) if user.phone else None

    def set_phone_verified(self, user: Any, phone: str) -> None:
        changed = user.phone != phone
        user.phone = phone
        user.phone_verified = True
        user.save(update_fields=["phone", "phone_verified"])
        if changed:
            record(
                AccountEvent.CONTACT_CHANGED, user=user, request=self.request, subject=user, detail="phone"
            )

    def get_user_by_phone(self, phone: str) -> User | None:
        return User.objects.filter(phone=phone, is_active=True).order_by("pk").first()


class MFAAdapter(DefaultMFAAdapter):
    """TOTP secrets and recovery seeds are encrypted at rest with the field keys (werkzorg/core/crypto.py)."""

    def encrypt(self, text: str) -> str:
        return crypto.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return crypto.decrypt(encrypted_text)
