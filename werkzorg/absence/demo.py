"""Demo absence files at the bakery (korenaar): one in every stage, a physician's consults, notes and
advice, and a year of short reports so the figures have a history. Deterministic: the same every day
relative to today, so a newcomer always finds a file at week 8, at week 42 and in the second year."""

from __future__ import annotations

import datetime
import random

from django.db import transaction
from django.utils import timezone

from werkzorg.absence.models import (
    AbsenceFile,
    Consult,
    ConsultKind,
    ConsultStatus,
    DegreeChange,
    MedicalRecord,
    MedicalRecordKind,
    PlanDocument,
    PlanKind,
    SickPeriod,
    StepRecord,
    WorkAdvice,
)
from werkzorg.absence.offsets import SafetyNet, Step
from werkzorg.absence.services.files import rebuild_spells, refresh_pending
from werkzorg.accounts.models import User
from werkzorg.employees.models import Employee
from werkzorg.organisations.models import Organisation, Practitioner

DAY = datetime.timedelta(days=1)


@transaction.atomic
def load() -> list[tuple[str, str]]:
    org = Organisation.objects.get(slug="korenaar")
    if AbsenceFile.objects.filter(organisation=org).exists():
        return []
    today = timezone.localdate()
    manager = User.objects.get(email="fleur.visser@korenaar.nl")
    physician = Practitioner.objects.get(agb_code="12345678")
    doctor = physician.user or manager
    staff = list(
        Employee.objects.filter(organisation=org, employment_end__isnull=True).order_by("employee_number")
    )
    pick = iter(staff)

    def make(days_ago: int, *, gaps: tuple[tuple[int, int], ...] = (), recovered_ago: int | None = None,
             safety_net: str = "", done: tuple[tuple[Step, int, int], ...] = (), partial: tuple[int, int] | None = None,
             ) -> AbsenceFile:  # fmt: skip
        """A file: first sick day `days_ago`; `gaps` (recovered_ago, sick_again_ago) before the last period."""
        employee = next(pick)
        first = today - days_ago * DAY
        file = AbsenceFile.objects.create(
            organisation=org, employee=employee, first_sick_day=first, reported_by=manager, case_manager=manager,
            practitioner=physician, safety_net=safety_net, expected_duration="longer" if days_ago > 40 else "",
            recovered_on=today - recovered_ago * DAY if recovered_ago is not None else None,
            current_degree=0 if recovered_ago is not None else (partial[1] if partial else 100),
        )  # fmt: skip
        start = first
        for back, again in gaps:
            SickPeriod.objects.create(
                file=file, organisation=org, employee=employee, start=start, recovered_on=today - back * DAY
            )
            start = today - again * DAY
            DegreeChange.objects.create(file=file, effective_from=start, percentage=100, recorded_by=manager)
        SickPeriod.objects.create(
            file=file, organisation=org, employee=employee, start=start,
            recovered_on=today - recovered_ago * DAY if recovered_ago is not None else None,
            pregnancy=safety_net == SafetyNet.PREGNANCY,
        )  # fmt: skip
        DegreeChange.objects.create(file=file, effective_from=first, percentage=100, recorded_by=manager)
        if partial:
            DegreeChange.objects.create(
                file=file, effective_from=today - partial[0] * DAY, percentage=partial[1], recorded_by=manager
            )
        StepRecord.objects.create(
            file=file, step=Step.REPORT_TO_OHS, done_on=first, recorded_by_label="Fleur Visser"
        )
        for step, sequence, ago in done:
            StepRecord.objects.create(
                file=file, step=step, sequence=sequence, done_on=today - ago * DAY,
                recorded_by_label="dr. Lotte Smit" if step == Step.PROBLEM_ANALYSIS else "Fleur Visser",
            )  # fmt: skip
        rebuild_spells(file)
        refresh_pending(file)
        return file

    make(2)  # new: the information call is still to come
    week8 = make(52, done=((Step.INFORMATION_CALL, 1, 44), (Step.PROBLEM_ANALYSIS, 1, 15)))
    PlanDocument.objects.create(
        file=week8, kind=PlanKind.PLAN, goal="Terug in eigen werk als bakker, in stappen",
        agreements="Week 1-2: 2 x 3 uur per dag lichte taken in de winkel.\nWeek 3-4: 4 x 4 uur, deels in de bakkerij.\n"
        "Elke vrijdag kort overleg met de leidinggevende.",
        case_manager_name="Fleur Visser", written_by=manager, employer_signed_on=today - 2 * DAY, employer_signed_by=manager,
    )  # fmt: skip
    _physician_work(week8, physician, doctor, today, held_ago=16)
    week42 = make(
        290, partial=(200, 50),
        done=((Step.INFORMATION_CALL, 1, 284), (Step.PROBLEM_ANALYSIS, 1, 250), (Step.PLAN_OF_ACTION, 1, 238),
              (Step.EVALUATION, 1, 196), (Step.EVALUATION, 2, 154), (Step.EVALUATION, 3, 112), (Step.EVALUATION, 4, 70),
              (Step.EVALUATION, 5, 28)),
    )  # fmt: skip
    _physician_work(week42, physician, doctor, today, held_ago=30)
    make(40, recovered_ago=20, done=((Step.INFORMATION_CALL, 1, 34),))  # recovered
    make(60, gaps=((45, 30),), done=((Step.INFORMATION_CALL, 1, 52),))  # relapsed within four weeks
    second_year = make(
        420, partial=(300, 40),
        done=((Step.INFORMATION_CALL, 1, 412), (Step.PROBLEM_ANALYSIS, 1, 380), (Step.PLAN_OF_ACTION, 1, 370),
              (Step.WEEK_42_REPORT, 1, 125), (Step.FIRST_YEAR_EVALUATION, 1, 70), (Step.SECOND_TRACK_DECISION, 1, 40)),
    )  # fmt: skip
    _physician_work(second_year, physician, doctor, today, held_ago=60)
    make(10, safety_net=SafetyNet.PREGNANCY)
    # Frequent absence: three short reports in the last twelve months, the last one still open.
    frequent = next(pick)
    for start_ago, back_ago in ((300, 296), (150, 147), (5, None)):
        _short(org, frequent, manager, today - start_ago * DAY, today - back_ago * DAY if back_ago else None)
    # A year of history for the figures: short reports spread over thirteen months.
    rng = random.Random(7)
    for employee in rng.sample(staff[40:], 70):
        start = today - rng.randrange(15, 400) * DAY
        _short(org, employee, manager, start, start + rng.randrange(1, 21) * DAY)
    return []


def _short(org: Organisation, employee: Employee, manager: User, first: datetime.date,
           recovered: datetime.date | None) -> None:  # fmt: skip
    file = AbsenceFile.objects.create(
        organisation=org, employee=employee, first_sick_day=first, reported_by=manager, recovered_on=recovered,
        current_degree=0 if recovered else 100,
    )  # fmt: skip
    SickPeriod.objects.create(
        file=file, organisation=org, employee=employee, start=first, recovered_on=recovered
    )
    DegreeChange.objects.create(file=file, effective_from=first, percentage=100, recorded_by=manager)
    StepRecord.objects.create(file=file, step=Step.REPORT_TO_OHS, done_on=first, recorded_by_label="demo")
    rebuild_spells(file)
    refresh_pending(file)


def _physician_work(file: AbsenceFile, physician: Practitioner, doctor: User, today: datetime.date, *,
                    held_ago: int) -> None:  # fmt: skip
    now = timezone.now().replace(hour=9, minute=30, second=0, microsecond=0)
    held = Consult.objects.create(
        organisation=file.organisation, employee=file.employee, file=file, practitioner=physician,
        kind=ConsultKind.FIRST, starts_at=now - held_ago * DAY, status=ConsultStatus.HELD, planned_by=doctor,
    )  # fmt: skip
    Consult.objects.create(
        organisation=file.organisation, employee=file.employee, file=file, practitioner=physician,
        kind=ConsultKind.FOLLOW_UP, starts_at=now + 9 * DAY, planned_by=doctor,
    )  # fmt: skip
    note = MedicalRecord(
        organisation=file.organisation, employee=file.employee, file=file, consult=held, practitioner=physician,
        kind=MedicalRecordKind.NOTE, written_by=doctor,
    )  # fmt: skip
    note.body = "Spreekuur gehouden. Klachten en behandeling besproken; herstel verloopt volgens verwachting."
    note.save()
    WorkAdvice.objects.create(
        file=file, practitioner=physician, given_on=today - held_ago * DAY,
        can_do="Lichte werkzaamheden zittend en staand, tot 4 uur per dag.",
        cannot_do="Zwaar tillen (boven 10 kg) en nachtdiensten.",
        expected_return="Volledige werkhervatting binnen 6 tot 8 weken verwacht.",
        plan_advice="Opbouw in uren per twee weken; evalueer na vier weken.",
        written_by=doctor,
    )  # fmt: skip
