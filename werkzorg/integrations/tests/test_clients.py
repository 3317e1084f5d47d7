"""Machine clients end to end: registered by the main account holder, a token by client credentials,
the same rights and scoping as people, refused when revoked or expired, limited, audited."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from oauth2_provider.models import Application

from tests.personas import World
from werkzorg.access.api import CallerRateThrottle
from werkzorg.audit.models import AuditEvent
from werkzorg.employees.tests.factories import EmployeeFactory
from werkzorg.integrations.models import ApiClient
from werkzorg.integrations.tests.factories import SECRET, make_client


def token_for(client: ApiClient, secret: str = SECRET) -> Any:
    return Client().post(
        "/api/oauth/token/",
        {
            "grant_type": "client_credentials",
            "client_id": client.application.client_id,
            "client_secret": secret,
        },
    )


def bearer(client: ApiClient) -> dict[str, str]:
    answer = token_for(client)
    assert answer.status_code == 200, answer.content
    return {"HTTP_AUTHORIZATION": f"Bearer {answer.json()['access_token']}"}


def test_the_main_account_holder_registers_a_client_whose_secret_is_shown_once(world: World) -> None:
    browser = Client()
    browser.cookies["django_language"] = "en"
    browser.force_login(world.users["superuser"])
    page = browser.post(
        "/o/acme/koppelingen/",
        {
            "name": "AFAS",
            "role_insurance": "on",
            "expires_on": (timezone.localdate() + datetime.timedelta(days=90)).isoformat(),
        },
    )
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    secret = page.context["secret"]
    registered = ApiClient.objects.get(name="AFAS")
    assert secret in page.content.decode()
    assert registered.application.client_secret != secret  # stored hashed
    assert secret not in browser.get("/o/acme/koppelingen/").content.decode()  # never shown again
    assert token_for(registered, secret).status_code == 200
    assert AuditEvent.objects.filter(
        event_type="api_client_registered", object_id=str(registered.pk)
    ).exists()


def test_a_client_gets_no_role_its_registrar_does_not_hold(world: World) -> None:
    from werkzorg.access import resolve_actor
    from werkzorg.core.errors import DomainError
    from werkzorg.integrations import services
    from werkzorg.organisations.models import Membership

    Membership.objects.filter(user=world.users["superuser"]).update(role_absence=False)
    actor = resolve_actor(world.users["superuser"], "acme")
    with pytest.raises(DomainError):
        services.register_client(
            actor=actor,
            name="X",
            grants={"role_absence": True},
            expires_on=timezone.localdate() + datetime.timedelta(days=5),
        )
    with pytest.raises(DomainError):  # user management is never a client's
        services.register_client(
            actor=actor,
            name="X",
            grants={"can_invite_users": True},
            expires_on=timezone.localdate() + datetime.timedelta(days=5),
        )


def test_a_client_reads_within_its_roles_and_its_organisation(world: World) -> None:
    insurance = make_client(world.org, world.users["superuser"], role_insurance=True)
    reports = make_client(world.org, world.users["superuser"], name="BI", role_reports=True)
    ours = EmployeeFactory(organisation=world.org)
    theirs = EmployeeFactory(organisation=world.other_org)
    api = Client()
    assert api.get("/api/v1/o/acme/medewerkers/", **bearer(insurance)).status_code == 200
    assert api.get(f"/api/v1/o/acme/medewerkers/{ours.pk}/", **bearer(insurance)).status_code == 200
    assert api.get(f"/api/v1/o/acme/medewerkers/{theirs.pk}/", **bearer(insurance)).status_code == 404
    assert api.get("/api/v1/o/globex/medewerkers/", **bearer(insurance)).status_code == 404
    assert api.get("/api/v1/o/acme/medewerkers/", **bearer(reports)).status_code == 403


def test_reads_by_a_client_are_audited_as_the_client(world: World) -> None:
    insurance = make_client(world.org, world.users["superuser"], role_insurance=True)
    person = EmployeeFactory(organisation=world.org)
    Client().get(f"/api/v1/o/acme/medewerkers/{person.pk}/", **bearer(insurance))
    event = AuditEvent.objects.get(event_type="employee_read", subject_id=str(person.pk))
    assert event.actor_id == insurance.service_user_id
    assert event.actor_role == f"api-client:{insurance.pk}"
    insurance.refresh_from_db()
    assert insurance.last_used_at is not None


def test_a_revoked_client_gets_no_token_and_its_tokens_stop(world: World) -> None:
    from werkzorg.access import resolve_actor
    from werkzorg.integrations import services

    client = make_client(world.org, world.users["superuser"], role_insurance=True)
    headers = bearer(client)
    services.revoke_client(actor=resolve_actor(world.users["superuser"], "acme"), client_id=client.pk)
    assert Client().get("/api/v1/o/acme/medewerkers/", **headers).status_code == 401
    assert token_for(client).status_code == 401


def test_an_expired_client_is_refused(world: World) -> None:
    client = make_client(world.org, world.users["superuser"], role_insurance=True)
    headers = bearer(client)
    ApiClient.objects.filter(pk=client.pk).update(
        expires_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    refused = Client().get("/api/v1/o/acme/medewerkers/", **headers)
    assert refused.status_code == 401 and refused["Content-Type"] == "application/problem+json"
    assert token_for(client).status_code == 401


def test_too_many_calls_get_429_with_retry_after(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CallerRateThrottle, "THROTTLE_RATES", {"caller": "3/min"})
    cache.clear()
    client = make_client(world.org, world.users["superuser"], role_insurance=True)
    headers = bearer(client)
    api = Client()
    answers = [api.get("/api/v1/o/acme/medewerkers/", **headers) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert 0 < int(answers[-1]["Retry-After"]) <= 60
    assert answers[-1].json()["status"] == 429
    # Another caller has its own budget: the limit is per client and per person.
    person = Client()
    person.force_login(world.users["superuser"])
    assert person.get("/api/v1/o/acme/medewerkers/").status_code == 200


def test_errors_are_problem_details_in_dutch_or_english(world: World) -> None:
    client = make_client(world.org, world.users["superuser"], role_insurance=True)
    headers = bearer(client)
    dutch = Client().get("/api/v1/o/acme/medewerkers/999999/", **headers)
    english = Client().get("/api/v1/o/acme/medewerkers/999999/", HTTP_ACCEPT_LANGUAGE="en", **headers)
    assert dutch.status_code == english.status_code == 404
    assert dutch["Content-Type"] == "application/problem+json"
    assert english.json() == {
        "type": "about:blank",
        "title": "Not found",
        "status": 404,
        "detail": "Not found.",
    }
    assert (dutch.json()["title"], dutch.json()["detail"]) == ("Niet gevonden", "Niet gevonden.")


def test_a_client_secret_is_never_stored_in_clear(world: World) -> None:
    make_client(world.org, world.users["superuser"])
    assert not Application.objects.filter(client_secret=SECRET).exists()


def test_the_clients_page_keeps_its_number_of_queries_as_clients_and_deliveries_grow(world: World) -> None:
    from tests.queries import assert_constant_queries
    from werkzorg.integrations.models import WebhookDelivery, WebhookSubscription

    def grow(n: int) -> None:
        for i in range(n):
            client = make_client(world.org, world.users["superuser"], name=f"Systeem {i}")
            subscription = WebhookSubscription.objects.create(
                client=client,
                organisation=world.org,
                url="https://hooks.example.invalid/x",
                events=["e"],
                secret_encrypted="x",
            )
            WebhookDelivery.objects.bulk_create(
                [WebhookDelivery(subscription=subscription, event="e", payload={}) for _ in range(8)]
            )

    browser = Client()
    browser.force_login(world.users["superuser"])
    grow(1)
    assert_constant_queries(browser, ["/o/acme/koppelingen/"], lambda: grow(6))


def test_the_desk_sees_clients_read_only_and_never_the_oauth_tables(world: World) -> None:
    desk = Client()
    desk.force_login(world.users["desk"])
    assert desk.get("/desk/integrations/apiclient/").status_code == 200
    client = world.objects["api_client"]
    assert desk.post(f"/desk/integrations/apiclient/{client.pk}/change/", {"name": "x"}).status_code == 403
    for model in ("application", "accesstoken", "refreshtoken", "grant", "idtoken"):
        assert desk.get(f"/desk/oauth2_provider/{model}/").status_code == 404, model
