"""Dutch identifiers and contact data, validated with maintained libraries."""

from __future__ import annotations

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EIGHT_DIGITS = re.compile(r"^\d{8}$")

# Mailbox providers anybody can sign up with: not a personal address at the organisation.
FREE_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.nl",
        "outlook.com",
        "outlook.nl",
        "live.com",
        "live.nl",
        "msn.com",
        "yahoo.com",
        "yahoo.nl",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "gmx.com",
        "gmx.net",
        "proton.me",
        "protonmail.com",
        "ziggo.nl",
        "kpnmail.nl",
        "kpnplanet.nl",
        "planet.nl",
        "home.nl",
        "xs4all.nl",
        "hetnet.nl",
        "casema.nl",
        "chello.nl",
        "telfort.nl",
        "tele2.nl",
        "upcmail.nl",
        "quicknet.nl",
        "zeelandnet.nl",
        "mail.com",
    }
)
# Shared mailboxes: not one person, so not fit for the main account.
SHARED_MAILBOX_NAMES = frozenset(
    {
        "info",
        "hr",
        "pz",
        "personeelszaken",
        "admin",
        "administratie",
        "office",
        "contact",
        "receptie",
        "secretariaat",
        "sales",
        "support",
        "helpdesk",
        "service",
        "finance",
        "boekhouding",
        "salaris",
        "salarisadministratie",
        "noreply",
        "no-reply",
        "post",
        "mail",
        "algemeen",
        "team",
        "verzuim",
        "facturen",
        "inkoop",
        "hrm",
        "personeel",
    }
)


def validate_kvk_number(value: str) -> None:
    if not EIGHT_DIGITS.match(value or ""):
        raise ValidationError(_("A KvK number has exactly 8 digits."), code="kvk")


def validate_agb_code(value: str) -> None:
    if not EIGHT_DIGITS.match(value or ""):
        raise ValidationError(_("An AGB code has exactly 8 digits."), code="agb")


# The usual way a Dutch mobile number is written (06 12345678, +31 6-1234 5678, 0031612345678): a subset of
# what libphonenumber's NL metadata calls mobile, 6[1-58] and seven digits, so the answer is the same; it
# spares an import of 100,000 rows the full parse (20 us a number). Test: core/tests/test_validators.py.
DUTCH_MOBILE = re.compile(r"(?:\+31|0031|0)(6[1-58]\d{7})")
PHONE_SEPARATORS = str.maketrans("", "", " -.")


def normalise_phone(value: str) -> str:
    """Parse a Dutch or international mobile number and return it in E.164 (+316...)."""
    raw = (value or "").strip().replace("(0)", "")
    usual = DUTCH_MOBILE.fullmatch(raw.translate(PHONE_SEPARATORS))
    if usual:
        return "+31" + usual.group(1)
    return parse_phone(raw)


def parse_phone(raw: str) -> str:
    """libphonenumber's full parse: any country, any way of writing."""
    try:
        number = phonenumbers.parse(raw, "NL")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            _("Enter a valid mobile number, for example +31 6 12345678."), code="phone"
        ) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(_("Enter a valid mobile number, for example +31 6 12345678."), code="phone")
    if phonenumbers.number_type(number) not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        raise ValidationError(
            _("This is not a mobile number: the login code is sent by SMS."), code="phone_not_mobile"
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def mask_phone(e164: str) -> str:
    """+31612345678 -> +31 6 ****5678: enough to recognise, not enough to copy."""
    if len(e164) < 6:
        return "****"
    return f"{e164[:3]} {e164[3]} ****{e164[-4:]}"


def validate_personal_work_email(email: str, allowed_domains: list[str]) -> None:
    """The main account holder's address: personal, at one of the organisation's own domains."""
    local, _sep, domain = email.lower().partition("@")
    if domain in FREE_MAIL_DOMAINS:
        raise ValidationError(
            _("Use a work address at your organisation's own domain, not a free mail address (%(domain)s).")
            % {"domain": domain},
            code="free_mail",
        )
    if local in SHARED_MAILBOX_NAMES:
        raise ValidationError(
            _("Use a personal address: a shared mailbox such as %(email)s is not allowed for this account.")
            % {"email": email},
            code="shared_mailbox",
        )
    if allowed_domains and domain not in allowed_domains:
        raise ValidationError(
            _("The address must be at your organisation's domain (%(domains)s).")
            % {"domains": ", ".join(allowed_domains)},
            code="foreign_domain",
        )
