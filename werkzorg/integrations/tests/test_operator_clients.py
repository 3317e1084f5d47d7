"""Operator-wide clients: the desk registers a partner's system (an absence insurer) for chosen employers;
it acts for those only, each employer sees it and can take its access away, the desk can revoke it."""

from __future__ import annotations

import datetime
import json

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from tests.personas import World
from werkzorg.access import desk_actor
from werkzorg.audit.models import AuditEvent
from werkzorg.core.errors import DomainError
from werkzorg.employees.tests.factories import EmployeeFactory
from werkzorg.integrations import services, webhooks
from werkzorg.integrations.models import ApiClient, WebhookDelivery
from werkzorg.integrations.tests.test_clients import token_for


def register_in_the_desk(world: World, **roles: str) -> tuple[ApiClient, str]:
    desk = Client()
    desk.force_login(world.users["desk"])
    page = desk.post(
        "/desk/integrations/apiclient/operator/nieuw/",
        {
            "name": "Verzuimverzekeraar Zeker",
            "served": [world.org.pk, world.other_org.pk],
            "expires_on": (timezone.localdate() + datetime.timedelta(days=200)).isoformat(),
            **roles,
        },
    )
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    secret = page.context["secret"]
    return ApiClient.objects.get(name="Verzuimverzekeraar Zeker"), secret


def bearer(client: ApiClient, secret: str) -> dict[str, str]:
    answer = token_for(client, secret)
    assert answer.status_code == 200
    return {"HTTP_AUTHORIZATION": f"Bearer {answer.json()['access_token']}"}


def test_the_desk_registers_a_client_that_acts_for_the_employers_it_serves(world: World) -> None:
    client, secret = register_in_the_desk(world, role_insurance="on")
    assert client.organisation is None and set(client.served.all()) == {world.org, world.other_org}
    assert (
        AuditEvent.objects.filter(event_type="api_client_registered", object_id=str(client.pk)).count() == 2
    )
    headers = bearer(client, secret)
    EmployeeFactory(organisation=world.org)
    api = Client()
    assert api.get("/api/v1/o/acme/medewerkers/", **headers).status_code == 200
    assert api.get("/api/v1/o/globex/medewerkers/", **headers).status_code == 200
    assert api.get("/api/v1/o/care/werklijst/", **headers).status_code == 404  # not served


def test_an_employer_sees_it_and_takes_its_access_away(world: World) -> None:
    client, secret = register_in_the_desk(world, role_insurance="on")
    headers = bearer(client, secret)
    main = Client()
    main.force_login(world.users["superuser"])
    assert "Verzuimverzekeraar Zeker" in main.get("/o/acme/koppelingen/").content.decode()
    assert main.post(f"/o/acme/koppelingen/operator/{client.pk}/verwijderen/").status_code == 302
    api = Client()
    assert api.get("/api/v1/o/acme/medewerkers/", **headers).status_code == 404
    assert api.get("/api/v1/o/globex/medewerkers/", **headers).status_code == 200
    assert AuditEvent.objects.filter(event_type="operator_client_removed", organisation=world.org).exists()


def test_the_desk_revokes_it(world: World) -> None:
    client, secret = register_in_the_desk(world, role_insurance="on")
    headers = bearer(client, secret)
    desk = Client()
    desk.force_login(world.users["desk"])
    desk.post(
        "/desk/integrations/apiclient/",
        {"action": "revoke", "_selected_action": [client.pk]},
    )
    assert Client().get("/api/v1/o/acme/medewerkers/", **headers).status_code == 401
    assert token_for(client, secret).status_code == 401


def test_an_operator_client_holds_roles_only(world: World) -> None:
    actor = desk_actor(world.users["desk"])
    with pytest.raises(DomainError):
        services.register_operator_client(
            actor=actor,
            name="X",
            grants={"can_invite_users": True},
            expires_on=timezone.localdate() + datetime.timedelta(days=5),
            served=[world.org],
        )


@override_settings(WEBHOOK_ALLOWED_HOSTS=["hooks.example.invalid"])
def test_its_webhooks_stop_with_its_access(world: World) -> None:
    client, secret = register_in_the_desk(world, role_absence="on")
    headers = bearer(client, secret)
    answer = Client().post(
        "/api/v1/o/acme/webhooks/",
        json.dumps({"url": "https://hooks.example.invalid/zeker", "events": ["intervention.status_changed"]}),
        content_type="application/json",
        **headers,
    )
    assert answer.status_code == 201
    subscription = answer.json()["id"]
    webhooks.publish(organisation=world.org, event="intervention.status_changed", data={})
    webhooks.publish(organisation=world.other_org, event="intervention.status_changed", data={})
    assert WebhookDelivery.objects.filter(subscription_id=subscription).count() == 1  # Acme's event only
    world.org.operator_api_clients.remove(client)
    webhooks.publish(organisation=world.org, event="intervention.status_changed", data={})
    assert WebhookDelivery.objects.filter(subscription_id=subscription).count() == 1
