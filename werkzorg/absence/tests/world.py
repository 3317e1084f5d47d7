"""The absence app's objects in the test world: in each employer a file of an employee reported sick,
with a plan of action, a planned consult, a medical record (with the canary) and a work-related advice."""

import datetime

from django.utils import timezone

from tests.personas import World
from werkzorg.absence.models import (
    AbsenceFile,
    Consult,
    ConsultKind,
    DegreeChange,
    MedicalRecord,
    MedicalRecordKind,
    PlanDocument,
    PlanKind,
    SickPeriod,
    WorkAdvice,
)
from werkzorg.absence.services.files import refresh_pending
from werkzorg.employees.tests.factories import EmployeeFactory

FULL_ONLY = True
PLACEHOLDERS = {
    "<int:file_id>": "absence_file",
    "<int:plan_id>": "absence_plan",
    "<int:consult_id>": "absence_consult",
}
# Written in a medical record; must never reach anyone but the physician (tests/test_medical_canary.py).
CANARY = "Kanarie-diagnose-7Q"


def extend(world: World) -> None:
    practitioner = world.objects["practitioner"]
    first = timezone.localdate() - datetime.timedelta(days=20)
    for prefix, org, owner in (
        ("", world.org, world.users["superuser"]),
        ("other_", world.other_org, world.users["other_superuser"]),
    ):
        employee = EmployeeFactory(organisation=org, email=f"ziek@{org.slug}.nl")
        file = AbsenceFile.objects.create(
            organisation=org,
            employee=employee,
            first_sick_day=first,
            reported_by=owner,
            practitioner=practitioner,
        )
        SickPeriod.objects.create(file=file, organisation=org, employee=employee, start=first)
        DegreeChange.objects.create(file=file, effective_from=first, percentage=100, recorded_by=owner)
        refresh_pending(file)
        world.objects[f"{prefix}absence_file"] = file
        world.objects[f"{prefix}absence_plan"] = PlanDocument.objects.create(
            file=file, kind=PlanKind.PLAN, goal="Terug in eigen werk", agreements="Opbouw in uren",
            case_manager_name="C. Manager", written_by=owner,
        )  # fmt: skip
        world.objects[f"{prefix}absence_consult"] = Consult.objects.create(
            organisation=org, employee=employee, file=file, practitioner=practitioner, kind=ConsultKind.FIRST,
            starts_at=timezone.now() + datetime.timedelta(days=10), planned_by=owner,
        )  # fmt: skip
        record = MedicalRecord(
            organisation=org, employee=employee, file=file, practitioner=practitioner, kind=MedicalRecordKind.NOTE,
            written_by=owner,
        )  # fmt: skip
        record.body = f"{CANARY}: medische notitie"
        record.save()
        WorkAdvice.objects.create(
            file=file, practitioner=practitioner, given_on=first, can_do="Licht administratief werk",
            cannot_do="Tillen", expected_return="Over zes weken", written_by=owner,
        )  # fmt: skip
