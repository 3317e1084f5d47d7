"""What a user does for themselves: reset a password, change e-mail and mobile, manage sessions."""

from __future__ import annotations

import re

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.core import mail
from django.test import Client

from tests.factories import PASSWORD
from tests.personas import World
from werkzorg.accounts.models import AccountEvent
from werkzorg.audit.models import AuditEvent
from werkzorg.notifications import sms


def test_a_password_reset_does_not_skip_the_second_factor(world: World, client: Client) -> None:
    client.post("/accounts/password/reset/", {"email": "main@acme.nl"})
    link = re.search(r"https?://[^/]+(/accounts/password/reset/key/\S+)", mail.outbox[-1].body).group(1)  # type: ignore[union-attr]
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    new_password = "a brand new long password"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session  # not signed in by the reset
    response = client.post("/accounts/login/", {"login": "main@acme.nl", "password": new_password})
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert "_auth_user_id" not in client.session


def test_changing_the_mobile_number_needs_reauthentication_and_verification(
    world: World, client: Client
) -> None:
    user = world.users["requester"]
    client.force_login(user)
    response = client.get("/accounts/phone/change/")
    assert response.status_code == 302 and "reauthenticate" in response["Location"]
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    response = client.post("/accounts/phone/change/", {"phone": "06 41 88 77 66"})
    assert response.status_code == 302
    user.refresh_from_db()  # type: ignore[union-attr]
    assert user.phone != "+31641887766"  # type: ignore[union-attr]
    code = re.search(r"\b([A-Z0-9]{4}-?[A-Z0-9]{4}|[0-9]{6})\b", sms.outbox[-1].text).group(1)  # type: ignore[union-attr]
    assert sms.outbox[-1].to == "+31641887766"
    client.post("/accounts/phone/verify/", {"code": code})
    user.refresh_from_db()  # type: ignore[union-attr]
    assert user.phone == "+31641887766" and user.phone_verified  # type: ignore[union-attr]
    assert AuditEvent.objects.filter(
        event_type=AccountEvent.CONTACT_CHANGED, subject_id=str(user.pk)
    ).exists()  # type: ignore[union-attr]


def test_changing_the_email_address_sends_a_verification(world: World, client: Client) -> None:
    user = world.users["requester"]
    client.force_login(user)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    response = client.post("/accounts/email/", {"action_add": "", "email": "new.address@acme.nl"})
    assert response.status_code == 302
    user.refresh_from_db()  # type: ignore[union-attr]
    assert user.email == "requester@acme.nl"  # type: ignore[union-attr]  # unchanged until verified
    message = next(m for m in mail.outbox if "new.address@acme.nl" in m.to)
    code = re.search(r"^([A-Z0-9]{4}-?[A-Z0-9]{4}|[0-9]{6})$", message.body, re.M).group(1)  # type: ignore[union-attr]
    client.post(response["Location"], {"code": code})
    user.refresh_from_db()  # type: ignore[union-attr]
    assert user.email == "new.address@acme.nl"  # type: ignore[union-attr]
    assert EmailAddress.objects.get(user=user, primary=True).email == "new.address@acme.nl"


def test_a_user_sees_and_ends_their_other_sessions(world: World) -> None:
    user = world.users["requester"]
    laptop, phone = Client(), Client()
    laptop.force_login(user)
    phone.force_login(user)
    laptop.get("/o/acme/")
    phone.get("/o/acme/")
    assert UserSession.objects.filter(user=user).count() == 2
    response = laptop.get("/accounts/sessions/")
    assert response.status_code == 200
    laptop.post("/accounts/sessions/", {"action": "sign_out"})
    assert UserSession.objects.filter(user=user).count() == 1
    assert laptop.get("/o/acme/").status_code == 200
    assert phone.get("/o/acme/").status_code == 302


def test_account_emails_carry_the_operators_name(world: World, client: Client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.OPERATOR_NAME = "Arbo Oost"
    client.post("/accounts/password/reset/", {"email": "main@acme.nl"})
    message = mail.outbox[-1]
    assert message.subject.startswith("[Arbo Oost]") and "Arbo Oost" in message.body
    assert "testserver" not in message.body.splitlines()[0]
