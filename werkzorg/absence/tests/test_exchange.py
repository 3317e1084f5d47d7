"""The messages for an absence insurer: each report once, on the day it took effect, nothing medical."""

from __future__ import annotations

import datetime
from decimal import Decimal
from unittest import mock
from xml.etree import ElementTree as ET

import pytest

from tests.personas import World
from werkzorg.absence.models import MedicalRecordKind
from werkzorg.absence.services import exchange, files, medical
from werkzorg.absence.services.files import SickReport
from werkzorg.access import resolve_actor
from werkzorg.employees.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def on(day: datetime.date):  # type: ignore[no-untyped-def]
    return mock.patch("django.utils.timezone.localdate", return_value=day)


def test_sick_change_and_recovery_each_once_in_their_period(world: World) -> None:
    actor = resolve_actor(world.users["absence"], "acme")
    employee = EmployeeFactory(
        organisation=world.org,
        employee_number="M-7",
        date_of_birth=D(1990, 2, 3),
        part_time_factor=Decimal("0.8"),
    )
    with on(D(2026, 3, 2)):
        file, _ = files.report_sick(
            actor=actor, employee=employee, report=SickReport(D(2026, 3, 2), work_accident=True)
        )
    with on(D(2026, 3, 16)):
        files.report_partial_recovery(actor=actor, file=file, effective_from=D(2026, 3, 16), percentage=40)
    with on(D(2026, 4, 6)):
        files.report_recovery(actor=actor, file=file, recovered_on=D(2026, 4, 6))
    medical.write_medical_record(
        actor=resolve_actor(world.users["physician"], "acme"), file=file, kind=MedicalRecordKind.NOTE,
        body="Medisch-geheim",
    )  # fmt: skip
    march = ET.fromstring(exchange.absence_messages(actor=actor, first=D(2026, 3, 1), last=D(2026, 3, 31)))
    assert march.find("werkgever/kvk_nummer").text == world.org.kvk_number  # type: ignore[union-attr]
    assert [m.tag for m in march if m.tag != "werkgever"] == ["ziekmelding", "wijzigingsmelding"]
    sick = march.find("ziekmelding")
    assert sick.findtext("werknemer/personeelsnummer") == "M-7"  # type: ignore[union-attr]
    assert sick.findtext("werknemer/geboortedatum") == "1990-02-03"  # type: ignore[union-attr]
    assert sick.findtext("werknemer/deeltijdfactor") == "0.800"  # type: ignore[union-attr]
    assert sick.findtext("eerste_ziektedag") == "2026-03-02"  # type: ignore[union-attr]
    assert sick.findtext("arbeidsongeval") == "J"  # type: ignore[union-attr]
    assert march.find("wijzigingsmelding").findtext("percentage") == "40"  # type: ignore[union-attr]
    april = exchange.absence_messages(actor=actor, first=D(2026, 4, 1), last=D(2026, 4, 30))
    recovered = ET.fromstring(april)
    assert [m.tag for m in recovered if m.tag != "werkgever"] == ["hersteldmelding"]
    assert recovered.find("hersteldmelding").findtext("hersteldatum") == "2026-04-06"  # type: ignore[union-attr]
    assert b"Medisch-geheim" not in april
