"""Behind the TLS proxy the portal sees the client's address: rate limits and the audit log use it."""

from __future__ import annotations

from django.test import Client, override_settings

from tests.factories import PASSWORD
from tests.personas import World
from werkzorg.audit.models import AuditEvent

PROXY = "192.0.2.1"  # documentation addresses (RFC 5737): nothing is sent anywhere


def via_proxy(client_address: str) -> dict[str, str]:
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": client_address}


@override_settings(TRUSTED_PROXY_COUNT=1, ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_one_clients_failures_do_not_lock_out_everyone_behind_the_proxy(world: World) -> None:
    attacker = Client(**via_proxy("203.0.113.9"))
    for n in range(25):
        attacker.post("/accounts/login/", {"login": f"guess{n}@acme.nl", "password": "wrong"})
    colleague = Client(**via_proxy("198.51.100.7"))
    response = colleague.post("/accounts/login/", {"login": "requester@acme.nl", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/authenticate")
    failures = AuditEvent.objects.filter(event_type="login_failed")
    assert failures.exists() and set(failures.values_list("ip_address", flat=True)) == {"203.0.113.9"}


@override_settings(TRUSTED_PROXY_COUNT=1, ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_an_address_the_client_wrote_itself_is_not_believed(world: World) -> None:
    forger = Client(**via_proxy("6.6.6.6, 203.0.113.9"))  # the client's own header, then what the proxy saw
    forger.post("/accounts/login/", {"login": "x@acme.nl", "password": "wrong"})
    assert AuditEvent.objects.get(event_type="login_failed").ip_address == "203.0.113.9"


def test_without_trusted_proxies_the_header_is_ignored(world: World) -> None:
    Client(REMOTE_ADDR="203.0.113.10", HTTP_X_FORWARDED_FOR="6.6.6.6").post(
        "/accounts/login/", {"login": "x@acme.nl", "password": "wrong"}
    )
    assert AuditEvent.objects.get(event_type="login_failed").ip_address == "203.0.113.10"
