"""Registering from an invitation whose code was verified, within the window."""

from __future__ import annotations

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.access import Actor
from werkzorg.access.policy import is_superuser_grants
from werkzorg.accounts.models import AccountEvent, Invitation, InvitationStatus, User
from werkzorg.accounts.services.codes import _open_invitation
from werkzorg.audit.services import record
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.organisations.models import Membership, TermsVersion
from werkzorg.organisations.queries import terms_outstanding
from werkzorg.organisations.services import accept_terms


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
