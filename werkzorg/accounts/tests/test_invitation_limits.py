"""Invitation codes cannot be guessed without end: caps over the invitation's life, per address and per number."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.test import TestCase, override_settings
from django.utils import timezone

from tests.personas import World
from werkzorg.accounts import services
from werkzorg.accounts.models import Invitation, InvitationStatus
from werkzorg.core.errors import DomainError
from werkzorg.notifications import sms


@pytest.fixture(autouse=True)
def _english(english: None) -> None:
    """Messages are matched in English."""


def send_code(found: object, address: str) -> None:
    """Ask a code; the SMS (and any mail) goes out as when the service's transaction commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.send_invitation_code(invitation_id=found.pk, client_address=address)  # type: ignore[attr-defined]


def invitation(world: World) -> Invitation:
    return world.objects["invitation"]  # type: ignore[return-value]


def age_last_code(found: Invitation) -> None:
    """As if the 30 seconds between two codes have passed."""
    Invitation.objects.filter(pk=found.pk).update(code_sent_at=timezone.now() - datetime.timedelta(minutes=1))


def test_asking_new_codes_does_not_reset_the_count_of_wrong_tries(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    found = invitation(world)
    with django_capture_on_commit_callbacks(execute=True):
        for round_ in range(2):
            services.send_invitation_code(invitation_id=found.pk, client_address="203.0.113.1")
            for _ in range(5):
                with pytest.raises(DomainError):
                    services.verify_invitation_code(
                        invitation_id=found.pk, code="000000", client_address=f"203.0.113.{round_}"
                    )
            age_last_code(found)
    found.refresh_from_db()
    assert found.status == InvitationStatus.BLOCKED and found.wrong_codes == 10
    with pytest.raises(DomainError, match="no longer valid"):
        services.send_invitation_code(invitation_id=found.pk)
    told = [m for m in mail.outbox if m.to == ["main@acme.nl"]]
    assert told and "new@acme.nl" in told[0].body


def test_an_invitation_gets_five_codes_in_its_life(world: World) -> None:
    found = invitation(world)
    for n in range(5):
        send_code(found, f"203.0.113.{n}")
        age_last_code(found)
    with pytest.raises(DomainError, match="blocked"):
        services.send_invitation_code(invitation_id=found.pk, client_address="203.0.113.9")
    found.refresh_from_db()
    assert found.status == InvitationStatus.BLOCKED and len(sms.outbox) == 5


@override_settings(INVITATION_CODES_PER_ADDRESS_PER_HOUR=2)
def test_one_address_cannot_ask_codes_for_many_invitations(world: World) -> None:
    services.send_invitation_code(invitation_id=invitation(world).pk, client_address="203.0.113.5")
    services.send_invitation_code(
        invitation_id=world.objects["other_invitation"].pk, client_address="203.0.113.5"
    )  # type: ignore[attr-defined]
    third = Invitation.objects.create(
        organisation=world.org,
        email="third@acme.nl",
        phone="+31611111113",
        full_name="Third",
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )
    with pytest.raises(DomainError, match="Try again in an hour"):
        services.send_invitation_code(invitation_id=third.pk, client_address="203.0.113.5")


@override_settings(SMS_PER_NUMBER_PER_HOUR=1)
def test_the_sms_budget_per_number_holds_across_invitations(world: World) -> None:
    second = Invitation.objects.create(
        organisation=world.other_org,
        email="same@globex.nl",
        phone=invitation(world).phone,
        full_name="Same phone",
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )
    send_code(invitation(world), "203.0.113.6")
    with pytest.raises(DomainError, match="Try again in an hour"):
        services.send_invitation_code(invitation_id=second.pk, client_address="203.0.113.7")
    assert len(sms.outbox) == 1


@override_settings(INVITATION_TRIES_PER_ADDRESS_PER_HOUR=3)
def test_one_address_cannot_try_codes_without_end(world: World) -> None:
    found = invitation(world)
    services.send_invitation_code(invitation_id=found.pk, client_address="203.0.113.8")
    for _ in range(3):
        with pytest.raises(DomainError, match="not correct"):
            services.verify_invitation_code(
                invitation_id=found.pk, code="000000", client_address="203.0.113.8"
            )
    with pytest.raises(DomainError, match="Too many tries"):
        services.verify_invitation_code(invitation_id=found.pk, code="000000", client_address="203.0.113.8")
