"""Schemathesis reads the OpenAPI schema and sends generated requests to every operation, authenticated
as a machine client of Acme holding every role: no answer may be a server error, and every documented
answer must match the schema.

Requests go through Django's test client (inside the test's transaction) rather than a live server.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
import requests
import schemathesis
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
)

from tests.personas import World
from werkzorg.employees.tests.factories import EmployeeFactory
from werkzorg.integrations.docs import schema as generated_schema
from werkzorg.integrations.tests.factories import EVERY_ROLE, make_client
from werkzorg.integrations.tests.test_clients import token_for

SCHEMA = schemathesis.openapi.from_dict(generated_schema())


@pytest.fixture
def bearer_token(world: World) -> str:
    EmployeeFactory.create_batch(3, organisation=world.org)
    client = make_client(world.org, world.users["superuser"], **EVERY_ROLE)
    return str(token_for(client).json()["access_token"])


def send(case: Any, token: str) -> schemathesis.Response:
    """The case through Django's test client, answered as schemathesis's response."""
    call = case.as_transport_kwargs(
        base_url="http://testserver", headers={"Authorization": f"Bearer {token}"}
    )
    url = urlsplit(call["url"])
    path = url.path + ("?" + urlencode(call["params"], doseq=True) if call.get("params") else "")
    headers = {k: v for k, v in call["headers"].items() if k.lower() not in {"content-type", "cookie"}}
    body: Any = json.dumps(call["json"]) if "json" in call else call.get("data") or ""
    answer = Client().generic(
        call["method"],
        path,
        body,
        content_type=call["headers"].get("Content-Type", "application/json"),
        headers=headers,
    )
    return schemathesis.Response(
        status_code=answer.status_code,
        headers={name: [value] for name, value in answer.items()},
        content=answer.content,
        request=requests.Request(call["method"], call["url"], headers=headers).prepare(),
        elapsed=0.0,
        verify=False,
    )


@SCHEMA.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_operation_fails_or_breaks_its_schema(case: Any, bearer_token: str) -> None:
    if "org" in (case.path_parameters or {}):
        case.path_parameters = {**case.path_parameters, "org": "acme"}
    case.cookies = {}
    case.validate_response(
        send(case, bearer_token),
        checks=[
            not_a_server_error,
            response_schema_conformance,
            content_type_conformance,
            response_headers_conformance,
        ],
    )
