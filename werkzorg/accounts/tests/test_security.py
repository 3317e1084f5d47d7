"""Security figures: lock-out, no enumeration, session rules, second factor, headers."""

from __future__ import annotations

import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.usersessions.models import UserSession
from django.test import Client, override_settings

from tests.factories import PASSWORD, TOTP_SECRET
from tests.personas import World
from werkzorg.access import desk_actor
from werkzorg.accounts import services
from werkzorg.audit.events import AuditEventType
from werkzorg.audit.models import AuditEvent


def current_code() -> str:
    while time.time() % 30 > 27:  # do not use a code that is about to roll over
        time.sleep(0.5)
    return format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // 30))


def sign_in(client: Client, email: str, password: str = PASSWORD) -> object:
    return client.post("/accounts/login/", {"login": email, "password": password})


def test_it_locks_an_account_after_repeated_failures(world: World, client: Client) -> None:
    for _ in range(5):
        sign_in(client, "main@acme.nl", "wrong password here")
    response = sign_in(client, "main@acme.nl")  # even the right password is refused now
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(event_type=AuditEventType.LOGIN_FAILED).count() >= 5


def test_it_answers_the_same_for_known_and_unknown_emails(world: World) -> None:
    known = Client().post("/accounts/login/", {"login": "main@acme.nl", "password": "wrong password 1"})
    unknown = Client().post("/accounts/login/", {"login": "nobody@acme.nl", "password": "wrong password 1"})
    assert known.status_code == unknown.status_code == 200
    assert known.context["form"].errors == unknown.context["form"].errors
    reset_known = Client().post("/accounts/password/reset/", {"email": "main@acme.nl"})
    reset_unknown = Client().post("/accounts/password/reset/", {"email": "nobody@acme.nl"})
    assert reset_known.status_code == reset_unknown.status_code == 302
    assert reset_known["Location"] == reset_unknown["Location"]


def test_it_asks_the_second_factor_and_changes_the_session_key(world: World, client: Client) -> None:
    client.get("/accounts/login/")
    key_before = client.session.session_key
    response = sign_in(client, "main@acme.nl")
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    key_after_password = client.session.session_key
    assert "_auth_user_id" not in client.session
    code = current_code()
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(world.users["superuser"].pk)  # type: ignore[union-attr]
    assert client.session.session_key not in (key_before, key_after_password)
    # The same TOTP code cannot be used again (replay).
    other = Client()
    sign_in(other, "main@acme.nl")
    other.post("/accounts/2fa/authenticate/", {"code": code})
    assert "_auth_user_id" not in other.session


def test_logout_ends_the_session_on_the_server(world: World, client: Client) -> None:
    client.force_login(world.users["superuser"])
    client.get("/o/acme/")
    key = client.session.session_key
    client.post("/accounts/logout/")
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=key).exists()
    assert client.get("/o/acme/").status_code == 302


def test_disabling_a_user_ends_their_sessions(world: World, client: Client) -> None:
    user = world.users["requester"]
    client.force_login(user)
    assert client.get("/o/acme/").status_code == 200
    assert UserSession.objects.filter(user=user).exists()
    services.disable_user(actor=desk_actor(world.users["desk"]), user=user)  # type: ignore[arg-type]
    assert not UserSession.objects.filter(user=user).exists()
    response = client.get("/o/acme/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@override_settings(SESSION_IDLE_TIMEOUT=60)
def test_an_idle_session_ends_with_a_clear_message_also_for_htmx(world: World, client: Client) -> None:
    client.force_login(world.users["superuser"])
    client.get("/o/acme/")
    session = client.session
    session["werkzorg_last_activity"] = int(time.time()) - 120
    session.save()
    response = client.get("/o/acme/medewerkers/", HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith("/sessie/verlopen/")
    assert client.get("/o/acme/").status_code == 302
    page = client.get(response["HX-Redirect"])
    assert page.status_code == 200 and page.context["idle_minutes"] == 1


@override_settings(SESSION_ABSOLUTE_LIFETIME=3600)
def test_a_session_has_an_absolute_lifetime(world: World, client: Client) -> None:
    client.force_login(world.users["superuser"])
    session = client.session
    session["werkzorg_login_at"] = int(time.time()) - 3700
    session.save()
    response = client.get("/o/acme/")
    assert response.status_code == 302 and "reason=lifetime" in response["Location"]


def test_a_user_without_second_factor_must_set_one_up(db: None, client: Client) -> None:
    from tests.factories import MembershipFactory

    membership = MembershipFactory(user__totp=False, role_request_interventions=True)
    client.force_login(membership.user)
    response = client.get(f"/o/{membership.organisation.slug}/")
    assert response.status_code == 302 and response["Location"] == "/account/tweestapsverificatie/"


def test_signed_in_pages_carry_the_security_headers(world: World, client: Client) -> None:
    client.force_login(world.users["superuser"])
    response = client.get("/o/acme/")
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]
    assert response["X-Frame-Options"] == "DENY"


def test_production_settings_pass_the_deploy_check(monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess
    import sys

    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": "k3J9-vQ2x!Lm8#Rt6Zp0Wc4Yb7Nd1Hs5Fg2Ue9Ai3Oq8Tr6Ep4Xz0Lk7Mj",
        "FIELD_ENCRYPTION_KEYS": "ZmllbGQta2V5LWZvci10aGUtZGVwbG95LWNoZWNrLSE=",
        "ALLOWED_HOSTS": "portal.example",
        "PATH": "/usr/bin:/bin",
        "WERKZORG_VAR_DIR": "/tmp/werkzorg-check",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    prod = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; django.setup(); from django.conf import settings; "
            "print(settings.SECURE_HSTS_SECONDS, settings.SESSION_COOKIE_SECURE)",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert prod.stdout.split() == ["31536000", "True"]
