"""Every write about accounts, by concern; import from here.

invitations: inviting colleagues and main account holders; codes: the invitation's SMS code;
registration: creating the account from an invitation; desk: the desk's account actions.
"""

from werkzorg.accounts.services.codes import send_invitation_code, verify_invitation_code
from werkzorg.accounts.services.desk import (
    disable_user,
    end_user_sessions,
    reencrypt_two_factor_secrets,
    reset_two_factor,
)
from werkzorg.accounts.services.invitations import (
    accept_invitation,
    invitation_url,
    invite_main_account_holder,
    invite_user,
    resend_invitation,
    revoke_invitation,
)
from werkzorg.accounts.services.registration import (
    register_from_invitation,
    registration_needs_terms,
    registration_window_open,
)

__all__ = [
    "accept_invitation",
    "disable_user",
    "end_user_sessions",
    "invitation_url",
    "invite_main_account_holder",
    "invite_user",
    "reencrypt_two_factor_secrets",
    "register_from_invitation",
    "registration_needs_terms",
    "registration_window_open",
    "resend_invitation",
    "reset_two_factor",
    "revoke_invitation",
    "send_invitation_code",
    "verify_invitation_code",
]
