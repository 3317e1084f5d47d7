"""Production needs its own keys; encrypted fields use keys of their own that can be rotated."""

from __future__ import annotations

import subprocess
import sys
from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from tests.personas import World
from werkzorg.core import crypto

PROD = {
    "DJANGO_SETTINGS_MODULE": "config.settings.prod",
    "ALLOWED_HOSTS": "portal.example",
    "PATH": "/usr/bin:/bin",
    "WERKZORG_VAR_DIR": "/tmp/werkzorg-check",
}
GOOD_SECRET = "k3J9-vQ2x!Lm8#Rt6Zp0Wc4Yb7Nd1Hs5Fg2Ue9Ai3Oq8Tr6Ep4Xz0Lk7Mj"


def deploy_check(**extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={**PROD, **extra},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_deploy_check_fails_without_a_secret_key() -> None:
    result = deploy_check(FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode())
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_the_deploy_check_fails_without_field_keys() -> None:
    result = deploy_check(SECRET_KEY=GOOD_SECRET)
    assert result.returncode != 0 and "FIELD_ENCRYPTION_KEYS" in result.stderr


def test_the_deploy_check_passes_with_both() -> None:
    result = deploy_check(SECRET_KEY=GOOD_SECRET, FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode())
    assert result.returncode == 0, result.stdout + result.stderr


def test_two_factor_secrets_do_not_depend_on_the_secret_key(world: World) -> None:
    secret = Authenticator.objects.get(user=world.users["requester"], type="totp").data["secret"]
    with override_settings(SECRET_KEY="another-secret-key-" * 4):
        assert crypto.decrypt(secret)


def test_keys_rotate_and_the_command_reencrypts(world: World) -> None:
    current = list(settings.FIELD_ENCRYPTION_KEYS)
    new = Fernet.generate_key().decode()
    secrets = {a.pk: crypto.decrypt(a.data["secret"]) for a in Authenticator.objects.filter(type="totp")}
    with override_settings(FIELD_ENCRYPTION_KEYS=[new, *current]):
        call_command("rotate_encryption_keys", stdout=StringIO())
    with override_settings(FIELD_ENCRYPTION_KEYS=[new]):  # the old keys can go now
        assert {
            a.pk: crypto.decrypt(a.data["secret"]) for a in Authenticator.objects.filter(type="totp")
        } == secrets
    with override_settings(FIELD_ENCRYPTION_KEYS=current), pytest.raises(InvalidToken):
        crypto.decrypt(Authenticator.objects.filter(type="totp").first().data["secret"])  # type: ignore[union-attr]
