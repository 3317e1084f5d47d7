"""The employee's signed links (consent, withdrawal, survey): expiring, single use, refused alike when bad."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _

from werkzorg.core.errors import DomainError
from werkzorg.interventions.models import InterventionRequest
from werkzorg.interventions.services.common import site_url

CONSENT_SALT = "werkzorg.interventions.consent"
WITHDRAW_SALT = "werkzorg.interventions.withdraw"
SURVEY_SALT = "werkzorg.interventions.survey"


class InvalidLink(DomainError):
    """A consent, withdrawal or survey link that is expired, used, or tampered with."""


def _token(request: InterventionRequest, nonce: str, salt: str) -> str:
    return signing.dumps({"r": request.pk, "n": nonce}, salt=salt, compress=True)


def consent_url(request: InterventionRequest) -> str:
    return site_url(f"/toestemming/{_token(request, request.consent_nonce, CONSENT_SALT)}/")


def withdraw_url(request: InterventionRequest) -> str:
    return site_url(f"/toestemming/intrekken/{_token(request, request.consent_nonce, WITHDRAW_SALT)}/")


def survey_url(request: InterventionRequest) -> str:
    return site_url(f"/enquete/{_token(request, request.survey_nonce, SURVEY_SALT)}/")


def resolve_link(token: str, salt: str, *, lock: bool = False) -> InterventionRequest:
    """The request a signed link points at; refuses expired, reused (nonce gone) and tampered links alike.

    The link is the employee's only credential (no account), so it names the request itself.
    """
    max_age = (
        settings.SURVEY_LINK_DAYS if salt == SURVEY_SALT else settings.INTERVENTION_CONSENT_DAYS + 30
    ) * 86400
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature as exc:  # SignatureExpired is a BadSignature too
        raise InvalidLink(_("This link is not valid (any more).")) from exc
    queryset = InterventionRequest.objects.select_related("intervention", "provider", "organisation")
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    found = queryset.filter(pk=data.get("r")).first()
    nonce = (found.survey_nonce if salt == SURVEY_SALT else found.consent_nonce) if found else ""
    if found is None or not nonce or not secrets.compare_digest(nonce, str(data.get("n", ""))):
        raise InvalidLink(_("This link is not valid (any more)."))
    return found
