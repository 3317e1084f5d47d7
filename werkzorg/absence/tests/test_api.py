"""The absence API as an HR system or an absence insurer's client would use it: report, read, recover."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest

from tests.personas import World
from werkzorg.absence.models import AbsenceFile
from werkzorg.employees.tests.factories import EmployeeFactory
from werkzorg.integrations.tests.factories import make_client
from werkzorg.integrations.tests.test_clients import bearer

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2026, 3, 16)


def on(day: datetime.date):  # type: ignore[no-untyped-def]
    return mock.patch("django.utils.timezone.localdate", return_value=day)


def test_a_client_reports_sick_reads_the_timeline_and_reports_recovery(world: World, client) -> None:  # type: ignore[no-untyped-def]
    EmployeeFactory(organisation=world.org, employee_number="HR-1")
    auth = bearer(make_client(world.org, world.users["superuser"], role_absence=True))
    with on(TODAY):
        made = client.post(
            "/api/v1/o/acme/verzuim/ziekmelding/",
            {"employee_number": "HR-1", "first_sick_day": "2026-03-02", "work_accident": True},
            content_type="application/json",
            **auth,
        )
    assert made.status_code == 201, made.content
    file_id = made.json()["id"]
    assert made.json()["periods"] == [{"start": "2026-03-02", "recovered_on": None}]
    with on(TODAY):
        detail = client.get(f"/api/v1/o/acme/verzuim/{file_id}/", **auth).json()
    analysis = next(s for s in detail["timeline"] if s["step"] == "problem_analysis")
    assert (analysis["due"], analysis["state"], analysis["owner"]) == ("2026-04-12", "open", "physician")
    assert "medical" not in str(detail).lower()
    with on(TODAY):
        partial = client.post(
            f"/api/v1/o/acme/verzuim/{file_id}/deels-hersteld/",
            {"effective_from": "2026-03-09", "percentage": 50},
            content_type="application/json",
            **auth,
        )
        recovered = client.post(
            f"/api/v1/o/acme/verzuim/{file_id}/hersteld/",
            {"recovered_on": "2026-03-16"},
            content_type="application/json",
            **auth,
        )
    assert partial.json()["current_degree"] == 50
    assert recovered.status_code == 200 and recovered.json()["recovered_on"] == "2026-03-16"
    listed = client.get("/api/v1/o/acme/verzuim/?status=recovered", **auth).json()
    assert [f["id"] for f in listed["results"]] == [file_id]
    assert AbsenceFile.objects.get(pk=file_id).recovered_on == D(2026, 3, 16)


def test_bad_reports_get_a_clear_answer_and_write_nothing(world: World, client) -> None:  # type: ignore[no-untyped-def]
    EmployeeFactory(organisation=world.org, employee_number="HR-2")
    auth = bearer(make_client(world.org, world.users["superuser"], role_absence=True))
    with on(TODAY):
        future = client.post(
            "/api/v1/o/acme/verzuim/ziekmelding/",
            {"employee_number": "HR-2", "first_sick_day": "2026-03-20"},
            content_type="application/json",
            HTTP_ACCEPT_LANGUAGE="nl",
            **auth,
        )
        unknown = client.post(
            "/api/v1/o/acme/verzuim/ziekmelding/",
            {"employee_number": "NOBODY", "first_sick_day": "2026-03-10"},
            content_type="application/json",
            **auth,
        )
    assert future.status_code == 400 and "toekomst" in future.content.decode()
    assert unknown.status_code == 404
    assert not AbsenceFile.objects.filter(employee__employee_number__in=["HR-2", "NOBODY"]).exists()
