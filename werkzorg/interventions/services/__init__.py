"""Every write of the intervention workflow, by concern; import from here.

requests: the employer's request and cancellation; consent: the employee's answer, reminders, expiry;
provider: the care provider's work; extensions; surveys; exports; links: the employee's signed links.
"""

from werkzorg.interventions.services.consent import (
    CONSENT_TEXT_VERSION,
    consent_scope,
    ensure_consent,
    expire_overdue_consents,
    grant_consent,
    refuse_consent,
    send_consent_reminders,
    withdraw_consent,
)
from werkzorg.interventions.services.exports import export_requests
from werkzorg.interventions.services.extensions import decide_extension, request_extension
from werkzorg.interventions.services.links import (
    CONSENT_SALT,
    SURVEY_SALT,
    WITHDRAW_SALT,
    InvalidLink,
    consent_url,
    resolve_link,
    survey_url,
    withdraw_url,
)
from werkzorg.interventions.services.provider import (
    FREE_CANCELLATION_WORKING_DAYS,
    cancel_appointment,
    complete_request,
    mark_contacted,
    plan_appointment,
    provider_request,
    record_attendance,
)
from werkzorg.interventions.services.requests import cancel_request, read_request, submit_request
from werkzorg.interventions.services.surveys import submit_survey

__all__ = [
    "CONSENT_SALT",
    "CONSENT_TEXT_VERSION",
    "FREE_CANCELLATION_WORKING_DAYS",
    "SURVEY_SALT",
    "WITHDRAW_SALT",
    "InvalidLink",
    "cancel_appointment",
    "cancel_request",
    "complete_request",
    "consent_scope",
    "consent_url",
    "decide_extension",
    "ensure_consent",
    "expire_overdue_consents",
    "export_requests",
    "grant_consent",
    "mark_contacted",
    "plan_appointment",
    "provider_request",
    "read_request",
    "record_attendance",
    "refuse_consent",
    "request_extension",
    "resolve_link",
    "send_consent_reminders",
    "submit_request",
    "submit_survey",
    "survey_url",
    "withdraw_consent",
    "withdraw_url",
]
