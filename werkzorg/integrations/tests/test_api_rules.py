"""The API's rules for every caller: cursor pages, ETags on detail reads, idempotent creates, errors."""

from __future__ import annotations

import json

from django.test import Client

from tests.personas import World
from werkzorg.employees.models import Employee
from werkzorg.employees.tests.factories import EmployeeFactory
from werkzorg.integrations.tests.factories import make_client
from werkzorg.integrations.tests.test_clients import bearer

NEW_HIRE = {"employee_number": "7001", "first_name": "Noor", "last_name": "Jansen", "mobile": "06 12345678"}


def post(api: Client, headers: dict[str, str], body: dict[str, str], key: str | None = None):  # type: ignore[no-untyped-def]
    extra = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return api.post(
        "/api/v1/o/acme/medewerkers/", json.dumps(body), content_type="application/json", **headers, **extra
    )


def test_a_client_adds_a_person_with_the_forms_rules(world: World) -> None:
    headers = bearer(make_client(world.org, world.users["superuser"], role_insurance=True))
    api = Client()
    created = post(api, headers, NEW_HIRE)
    assert created.status_code == 201 and created.json()["mobile"] == "+31612345678"
    refused = post(api, headers, {**NEW_HIRE, "employee_number": "7002", "mobile": "12"})
    assert refused.status_code == 400 and refused["Content-Type"] == "application/problem+json"
    assert list(refused.json()["errors"]) == ["mobile"]
    assert post(api, headers, NEW_HIRE).status_code == 409  # the number is taken


def test_a_retried_create_with_the_same_key_creates_one_person(world: World) -> None:
    headers = bearer(make_client(world.org, world.users["superuser"], role_insurance=True))
    api = Client()
    first = post(api, headers, NEW_HIRE, key="hire-7001")
    again = post(api, headers, NEW_HIRE, key="hire-7001")
    assert first.status_code == again.status_code == 201
    assert again["Idempotent-Replayed"] == "true" and again.json() == first.json()
    assert Employee.objects.filter(employee_number="7001").count() == 1
    other = post(api, headers, {**NEW_HIRE, "first_name": "Anders"}, key="hire-7001")
    assert other.status_code == 422


def test_a_failed_create_frees_its_key_for_a_corrected_retry(world: World) -> None:
    headers = bearer(make_client(world.org, world.users["superuser"], role_insurance=True))
    api = Client()
    assert post(api, headers, {**NEW_HIRE, "mobile": "12"}, key="k1").status_code == 400
    assert post(api, headers, NEW_HIRE, key="k1").status_code == 201  # nothing was created: the key was free
    assert post(api, headers, {**NEW_HIRE, "mobile": "12"}, key="k1").status_code == 422  # now it is taken


def test_a_detail_read_carries_an_etag_and_answers_304_when_unchanged(world: World) -> None:
    person = EmployeeFactory(organisation=world.org)
    headers = bearer(make_client(world.org, world.users["superuser"], role_insurance=True))
    api = Client()
    first = api.get(f"/api/v1/o/acme/medewerkers/{person.pk}/", **headers)
    tag = first["ETag"]
    unchanged = api.get(f"/api/v1/o/acme/medewerkers/{person.pk}/", HTTP_IF_NONE_MATCH=tag, **headers)
    assert unchanged.status_code == 304 and not unchanged.content
    Employee.objects.filter(pk=person.pk).update(department="Nieuw")
    changed = api.get(f"/api/v1/o/acme/medewerkers/{person.pk}/", HTTP_IF_NONE_MATCH=tag, **headers)
    assert changed.status_code == 200 and changed["ETag"] != tag


def test_lists_page_by_cursor_without_skipping_or_repeating(world: World) -> None:
    EmployeeFactory.create_batch(7, organisation=world.org)
    headers = bearer(make_client(world.org, world.users["superuser"], role_insurance=True))
    api = Client()
    seen: list[int] = []
    url = "/api/v1/o/acme/medewerkers/?page_size=3"
    first = True
    while url:
        page = api.get(url, **headers).json()
        seen += [row["id"] for row in page["results"]]
        if first:  # someone is added while the client pages: it comes at the end, nothing shifts
            EmployeeFactory(organisation=world.org)
            first = False
        url = page["next"]
    expected = list(
        Employee.objects.filter(organisation=world.org).order_by("pk").values_list("pk", flat=True)
    )
    assert seen == expected
