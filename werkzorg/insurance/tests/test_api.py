"""The insurance API as a payroll system would use it: list leavers, read one, deregister, statements."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest

from tests.personas import World
from werkzorg.insurance.models import InsuredPerson
from werkzorg.insurance.tests.factories import insured
from werkzorg.integrations.tests.factories import make_client
from werkzorg.integrations.tests.test_clients import bearer

pytestmark = pytest.mark.django_db


def test_a_client_lists_deregisters_and_reads_statements_without_a_bsn(world: World, client) -> None:  # type: ignore[no-untyped-def]
    made = world.objects["contract"]
    leaver = insured(made, end=datetime.date(2026, 3, 31), last_name="Vertrokken", bsn="999999990")  # type: ignore[arg-type]
    app = make_client(world.org, world.users["superuser"], role_insurance=True)
    auth = bearer(app)
    listed = client.get("/api/v1/o/acme/verzekerden/?left_in=2026-03", **auth).json()
    assert [p["id"] for p in listed["results"]] == [leaver.pk]
    assert "999999990" not in str(listed) and "bsn" not in str(listed).lower()
    person = world.objects["insured"]
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2026, 12, 2)):
        answer = client.post(
            f"/api/v1/o/acme/verzekerden/{person.pk}/afmelden/",  # type: ignore[attr-defined]
            {"end_date": "2026-12-31", "reason": "Uit dienst"},
            content_type="application/json",
            **auth,
        )
    assert answer.status_code == 200 and answer.json()[0]["end_date"] == "2026-12-31"
    assert InsuredPerson.objects.get(pk=person.pk).end_date == datetime.date(2026, 12, 31)  # type: ignore[attr-defined]
    mutations = client.get(f"/api/v1/o/acme/verzekerden/{person.pk}/mutaties/", **auth).json()  # type: ignore[attr-defined]
    assert [m["kind"] for m in mutations["results"]] == ["deregistered"]
    statement = world.objects["statement"]
    lines = client.get(f"/api/v1/o/acme/borderellen/{statement.pk}/regels/", **auth).json()  # type: ignore[attr-defined]
    assert [(line["premium"], line["withheld"]) for line in lines["results"]] == [("120.00", "100.00")]


def test_a_bad_end_date_is_a_problem_with_the_rule_in_words(world: World, client) -> None:  # type: ignore[no-untyped-def]
    app = make_client(world.org, world.users["superuser"], role_insurance=True)
    person = world.objects["insured"]
    answer = client.post(
        f"/api/v1/o/acme/verzekerden/{person.pk}/afmelden/",  # type: ignore[attr-defined]
        {"end_date": "2020-01-01"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
        **bearer(app),
    )
    assert answer.status_code == 400
    assert "at the earliest" in answer.json()["detail"]
