"""The Poortwachter timeline of one absence file, computed from its sick periods and what was recorded.

Pure functions (no database): a file's course in, its steps with due date, owner and state out. Every
offset is in RULES, each with the public source it comes from; change an offset there and nowhere else.

Counting. Day 1 is the first sick day; week n of sickness holds sick days 7(n-1)+1 to 7n. Sick periods
less than four weeks apart count as one period ("samentelling", BW 7:629 lid 10 and Ziektewet art. 29
lid 9): their sick days add up towards the 42 weeks and the 104 weeks, the days in between do not. A
partial recovery keeps the employee sick for these counts (the clock never resets). So "the end of week
n" is the date of the 7n-th counted sick day, and it moves later by the days of every gap.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkzorg.core.workdays import add_working_days, on_or_after_working_day, on_or_before_working_day

DAY = datetime.timedelta(days=1)
# Periods less than this many days apart (fit days between them) count as one (BW 7:629 lid 10).
COMBINE_WITHIN_DAYS = 28


class Step(StrEnum):
    REPORT_TO_OHS = "report_to_ohs"
    INFORMATION_CALL = "information_call"
    PROBLEM_ANALYSIS = "problem_analysis"
    PLAN_OF_ACTION = "plan_of_action"
    EVALUATION = "evaluation"
    SAFETY_NET_REPORT = "safety_net_report"
    EMPLOYMENT_END_REPORT = "employment_end_report"
    WEEK_42_REPORT = "week_42_report"
    FIRST_YEAR_EVALUATION = "first_year_evaluation"
    SECOND_TRACK_DECISION = "second_track_decision"
    UWV_WIA_LETTER = "uwv_wia_letter"
    CURRENT_ASSESSMENT = "current_assessment"
    FINAL_EVALUATION = "final_evaluation"
    COPIES_TO_EMPLOYEE = "copies_to_employee"
    WIA_APPLICATION = "wia_application"
    WAGE_CONTINUATION_END = "wage_continuation_end"


class Owner(StrEnum):
    EMPLOYER = "employer"
    CASE_MANAGER = "case_manager"
    PHYSICIAN = "physician"
    EMPLOYER_AND_EMPLOYEE = "employer_and_employee"
    EMPLOYEE = "employee"
    UWV = "uwv"
    NOBODY = "nobody"


OWNER_LABELS: dict[Owner, Promise] = {
    Owner.EMPLOYER: _("employer"),
    Owner.CASE_MANAGER: _("case manager"),
    Owner.PHYSICIAN: _("occupational physician"),
    Owner.EMPLOYER_AND_EMPLOYEE: _("employer and employee"),
    Owner.EMPLOYEE: _("employee"),
    Owner.UWV: _("UWV"),
    Owner.NOBODY: _("nobody"),
}


class SafetyNet(StrEnum):
    """The safety-net cases (vangnet, Ziektewet art. 29 lid 2 and 29a/29b) the employer may record."""

    NONE = ""
    PREGNANCY = "pregnancy"  # sick through pregnancy, before the leave
    PREGNANCY_LATE = "pregnancy_late"  # in the flexibilisation period, or after the leave
    ORGAN_DONATION = "organ_donation"
    NO_RISK_POLICY = "no_risk_policy"
    DISABILITY_STATUS = "disability_status"  # Wajong, WIA or the jobs agreement's target group


class Anchor(StrEnum):
    FIRST_DAY = "first_day"  # calendar days after the first sick day
    WORKING_DAYS = "working_days"  # working days after the first sick day
    SICK_DAY = "sick_day"  # the n-th counted sick day (end of week n = day 7n)
    DAY_AFTER_SICK_DAY = "day_after_sick_day"  # the first working day after the n-th counted sick day
    AFTER_STEP = "after_step"  # calendar days after another step (its date done, else its due date)
    LAST_WORKING_DAY = "last_working_day"  # the last working day of the employment


class State(StrEnum):
    OPEN = "open"
    OVERDUE = "overdue"
    DONE = "done"
    NOT_APPLICABLE = "not_applicable"
    NOT_REACHED = "not_reached"  # the employee recovered before it came due
    EXPECTED = "expected"  # someone else's milestone (UWV, the law), not a task here
    PASSED = "passed"


STATE_LABELS: dict[State, Promise] = {
    State.OPEN: _("open"),
    State.OVERDUE: _("overdue"),
    State.DONE: _("done"),
    State.NOT_APPLICABLE: _("not applicable"),
    State.NOT_REACHED: _("not reached"),
    State.EXPECTED: _("expected"),
    State.PASSED: _("passed"),
}


@dataclass(frozen=True)
class Rule:
    step: Step
    label: Promise
    owner: Owner
    anchor: Anchor
    amount: int
    source: str
    after: Step | None = None
    earliest_sick_day: int | None = None  # a window's first day (the first-year evaluation)
    milestone: bool = False  # a date to know, not a task


# THE table of offsets. Sources: Burgerlijk Wetboek (BW) 7:629 and 7:658a; Regeling procesgang eerste en
# tweede ziektejaar (Rp); Ziektewet (ZW) and UWV's published reporting deadlines; Wet WIA art. 64.
RULES: dict[Step, Rule] = {
    rule.step: rule
    for rule in (
        Rule(Step.REPORT_TO_OHS, _("Sick report to the occupational health service"), Owner.EMPLOYER,
             Anchor.FIRST_DAY, 6, "Rp art. 2 lid 1: in the first week of sickness"),
        Rule(Step.INFORMATION_CALL, _("Information call by the case manager"), Owner.CASE_MANAGER,
             Anchor.WORKING_DAYS, 8, "Our service standard: within 8 working days of the first sick day"),
        Rule(Step.PROBLEM_ANALYSIS, _("Problem analysis"), Owner.PHYSICIAN,
             Anchor.SICK_DAY, 42, "Rp art. 2 lid 1 and 3: at the latest in week 6 when long absence threatens"),
        Rule(Step.PLAN_OF_ACTION, _("Plan of action, case manager named, signed by both"),
             Owner.EMPLOYER_AND_EMPLOYEE, Anchor.AFTER_STEP, 14,
             "Rp art. 4 lid 1: within 2 weeks after the problem analysis (week 8)", after=Step.PROBLEM_ANALYSIS),
        Rule(Step.EVALUATION, _("Evaluation of the plan of action"), Owner.EMPLOYER_AND_EMPLOYEE,
             Anchor.AFTER_STEP, 42, "Rp art. 5 and UWV's Werkwijzer Poortwachter: at least every 6 weeks",
             after=Step.PLAN_OF_ACTION),
        Rule(Step.SAFETY_NET_REPORT, _("Sick report to UWV (safety-net case)"), Owner.EMPLOYER,
             Anchor.FIRST_DAY, 42, "ZW art. 38 lid 1 and UWV's reporting deadlines: within 6 weeks "
             "(pregnancy before the leave, organ donation, no-risk policy); see SAFETY_NET_DAYS"),
        Rule(Step.EMPLOYMENT_END_REPORT, _("Sick report to UWV: employment ends during sickness"),
             Owner.EMPLOYER, Anchor.LAST_WORKING_DAY, 0,
             "ZW art. 38a and UWV: on the last working day of the employment"),
        Rule(Step.WEEK_42_REPORT, _("42nd-week report to UWV"), Owner.EMPLOYER,
             Anchor.DAY_AFTER_SICK_DAY, 294, "ZW art. 38 lid 2: at the latest on the first day after week 42"),
        Rule(Step.FIRST_YEAR_EVALUATION, _("First-year evaluation"), Owner.EMPLOYER_AND_EMPLOYEE,
             Anchor.SICK_DAY, 364, "Rp art. 6: in weeks 46 to 52", earliest_sick_day=316),
        Rule(Step.SECOND_TRACK_DECISION, _("Second track decided (if no return in sight)"), Owner.EMPLOYER,
             Anchor.AFTER_STEP, 42, "UWV's Werkwijzer Poortwachter: within 6 weeks after the first-year "
             "evaluation", after=Step.FIRST_YEAR_EVALUATION),
        Rule(Step.UWV_WIA_LETTER, _("UWV sends the WIA application letter"), Owner.UWV,
             Anchor.SICK_DAY, 616, "Wet WIA art. 64: UWV informs the employee in week 88", milestone=True),
        Rule(Step.CURRENT_ASSESSMENT, _("Current assessment by the physician"), Owner.PHYSICIAN,
             Anchor.SICK_DAY, 637, "Rp art. 7: the physician's current judgement by week 91"),
        Rule(Step.FINAL_EVALUATION, _("Final evaluation"), Owner.EMPLOYER_AND_EMPLOYEE,
             Anchor.SICK_DAY, 637, "Rp art. 7: the final evaluation by week 91"),
        Rule(Step.COPIES_TO_EMPLOYEE, _("Re-integration report copied to the employee"), Owner.EMPLOYER,
             Anchor.SICK_DAY, 637, "Rp art. 8: the employee has every document of the report by week 91"),
        Rule(Step.WIA_APPLICATION, _("WIA application with the re-integration report"), Owner.EMPLOYEE,
             Anchor.SICK_DAY, 651, "Wet WIA art. 64 lid 1: at the latest at the end of week 93"),
        Rule(Step.WAGE_CONTINUATION_END, _("End of wage continuation"), Owner.NOBODY,
             Anchor.SICK_DAY, 728, "BW 7:629 lid 1: 104 weeks; 6 weeks for an employee of state-pension age",
             milestone=True),
    )
}  # fmt: skip

# Safety-net reports: days after the first sick day by which UWV must have the report (ZW art. 38 and
# UWV's published deadlines): "within 6 weeks" for most cases, "the 4th sick day" in the flexibilisation
# period of a pregnancy or when sick through pregnancy after the leave.
SAFETY_NET_DAYS: dict[SafetyNet, int] = {
    SafetyNet.PREGNANCY: 42,
    SafetyNet.PREGNANCY_LATE: 3,
    SafetyNet.ORGAN_DONATION: 42,
    SafetyNet.NO_RISK_POLICY: 42,
    SafetyNet.DISABILITY_STATUS: 42,
}
# Wage continuation for an employee who has reached the state-pension age (BW 7:629 lid 1 as amended by
# the Wet werken na de AOW-gerechtigde leeftijd, as the portal applies it): 6 weeks.
STATE_PENSION_WAGE_DAYS = 42

# The order of the law's chain: each of these never comes due before the one before it.
CHAIN = (
    Step.REPORT_TO_OHS,
    Step.PROBLEM_ANALYSIS,
    Step.PLAN_OF_ACTION,
    Step.WEEK_42_REPORT,
    Step.FIRST_YEAR_EVALUATION,
    Step.UWV_WIA_LETTER,
    Step.CURRENT_ASSESSMENT,
    Step.WIA_APPLICATION,
    Step.WAGE_CONTINUATION_END,
)


@dataclass(frozen=True)
class Period:
    """One spell of sickness: first sick day and the first day fully fit again (None: still sick)."""

    start: datetime.date
    recovered_on: datetime.date | None = None


@dataclass(frozen=True)
class Course:
    periods: tuple[Period, ...]
    safety_net: str = ""
    employment_end: datetime.date | None = None
    state_pension_age: bool = False

    @property
    def first_day(self) -> datetime.date:
        return self.periods[0].start

    @property
    def last_sick_day(self) -> datetime.date | None:
        """None while the employee is (partly) sick."""
        end = self.periods[-1].recovered_on
        return end - DAY if end is not None else None


@dataclass(frozen=True)
class Record:
    """What someone recorded for a step: done on a date, or not applicable with a reason."""

    step: Step
    sequence: int = 1
    done_on: datetime.date | None = None
    by: str = ""
    not_applicable_reason: str = ""


@dataclass(frozen=True)
class TimelineStep:
    step: Step
    sequence: int
    due: datetime.date | None
    state: State
    owner: Owner
    done_on: datetime.date | None = None
    by: str = ""
    reason: str = ""
    earliest: datetime.date | None = None

    @property
    def rule(self) -> Rule:
        return RULES[self.step]

    @property
    def label(self) -> str:
        label = str(self.rule.label)
        return f"{label} {self.sequence}" if self.step == Step.EVALUATION else label

    @property
    def owner_label(self) -> str:
        return str(OWNER_LABELS[self.owner])

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def is_task(self) -> bool:
        return self.state in {State.OPEN, State.OVERDUE}


def sick_day(course: Course, n: int) -> datetime.date | None:
    """The date of the n-th counted sick day of the combined period; None if the course ended before."""
    for period in course.periods:
        length = (period.recovered_on - period.start).days if period.recovered_on else None
        if length is None or n <= length:
            return period.start + (n - 1) * DAY
        n -= length
    return None


def continues_period(recovered_on: datetime.date, new_first_day: datetime.date) -> bool:
    """A new sick report continues the previous period when less than four weeks lay between."""
    return (new_first_day - recovered_on).days < COMBINE_WITHIN_DAYS


def wage_continuation_end(course: Course) -> datetime.date | None:
    return sick_day(
        course,
        STATE_PENSION_WAGE_DAYS if course.state_pension_age else RULES[Step.WAGE_CONTINUATION_END].amount,
    )


def _due(
    rule: Rule, course: Course, done: dict[Step, datetime.date], dues: dict[Step, datetime.date | None]
) -> datetime.date | None:
    first = course.first_day
    if rule.anchor == Anchor.FIRST_DAY:
        amount = (
            SAFETY_NET_DAYS.get(SafetyNet(course.safety_net), rule.amount)
            if (rule.step == Step.SAFETY_NET_REPORT)
            else rule.amount
        )
        return first + amount * DAY
    if rule.anchor == Anchor.WORKING_DAYS:
        return add_working_days(first, rule.amount)
    if rule.anchor == Anchor.SICK_DAY:
        if rule.step == Step.WAGE_CONTINUATION_END:
            return wage_continuation_end(course)
        return sick_day(course, rule.amount)
    if rule.anchor == Anchor.DAY_AFTER_SICK_DAY:
        day = sick_day(course, rule.amount)
        return on_or_after_working_day(day + DAY) if day is not None else None
    if rule.anchor == Anchor.AFTER_STEP:
        assert rule.after is not None
        base = done.get(rule.after) or dues.get(rule.after)
        return base + rule.amount * DAY if base is not None else None
    assert course.employment_end is not None
    return on_or_before_working_day(course.employment_end)


def _applies(step: Step, course: Course) -> bool:
    if step == Step.SAFETY_NET_REPORT:
        return bool(course.safety_net)
    if step == Step.EMPLOYMENT_END_REPORT:
        return course.employment_end is not None
    if step == Step.WEEK_42_REPORT:  # a safety-net case was reported to UWV already, within weeks
        return not course.safety_net
    return True


def _state(
    rule: Rule,
    due: datetime.date | None,
    course: Course,
    record: Record | None,
    today: datetime.date,
    ends: tuple[datetime.date | None, datetime.date | None],
) -> tuple[State, str]:
    if record is not None and record.done_on is not None:
        return State.DONE, ""
    if record is not None and record.not_applicable_reason:
        return State.NOT_APPLICABLE, record.not_applicable_reason
    last_sick = course.last_sick_day
    if due is None or (last_sick is not None and due > last_sick and rule.step != Step.EMPLOYMENT_END_REPORT):
        return State.NOT_REACHED, str(_("recovered before it came due"))
    wage_end, employment_end = ends
    if rule.step != Step.WAGE_CONTINUATION_END and wage_end is not None and due > wage_end:
        return State.NOT_APPLICABLE, str(_("after the end of wage continuation"))
    if rule.step != Step.EMPLOYMENT_END_REPORT and employment_end is not None and due > employment_end:
        return State.NOT_APPLICABLE, str(_("after the employment ended (UWV takes over)"))
    if rule.milestone:
        return (State.PASSED if due < today else State.EXPECTED), ""
    return (State.OVERDUE if due < today else State.OPEN), ""


def compute(course: Course, records: Iterable[Record], today: datetime.date) -> list[TimelineStep]:
    """Every step of the file in the order of RULES (evaluations after the plan of action), with state."""
    by_step: dict[tuple[Step, int], Record] = {(r.step, r.sequence): r for r in records}
    done = {step: r.done_on for (step, seq), r in by_step.items() if seq == 1 and r.done_on is not None}
    dues: dict[Step, datetime.date | None] = {}
    ends = (wage_continuation_end(course), course.employment_end)
    steps: list[TimelineStep] = []
    for step, rule in RULES.items():
        if not _applies(step, course):
            continue
        if step == Step.EVALUATION:
            steps.extend(_evaluations(course, by_step, done, dues, today, ends))
            continue
        due = _due(rule, course, done, dues)
        dues[step] = due
        record = by_step.get((step, 1))
        state, reason = _state(rule, due, course, record, today, ends)
        earliest = sick_day(course, rule.earliest_sick_day) if rule.earliest_sick_day else None
        steps.append(
            TimelineStep(
                step=step,
                sequence=1,
                due=due,
                state=state,
                owner=rule.owner,
                done_on=record.done_on if record else None,
                by=record.by if record else "",
                reason=reason,
                earliest=earliest,
            )
        )
    return steps


def _evaluations(
    course: Course,
    by_step: dict[tuple[Step, int], Record],
    done: dict[Step, datetime.date],
    dues: dict[Step, datetime.date | None],
    today: datetime.date,
    ends: tuple[datetime.date | None, datetime.date | None],
) -> list[TimelineStep]:
    """The evaluations held, then the next one: each due 6 weeks after the plan or the evaluation before."""
    rule = RULES[Step.EVALUATION]
    base = done.get(Step.PLAN_OF_ACTION) or dues.get(Step.PLAN_OF_ACTION)
    found: list[TimelineStep] = []
    sequence = 1
    while base is not None:
        due = base + rule.amount * DAY
        record = by_step.get((Step.EVALUATION, sequence))
        state, reason = _state(rule, due, course, record, today, ends)
        found.append(
            TimelineStep(
                step=Step.EVALUATION,
                sequence=sequence,
                due=due,
                state=state,
                owner=rule.owner,
                done_on=record.done_on if record else None,
                by=record.by if record else "",
                reason=reason,
            )
        )
        if state != State.DONE or record is None or record.done_on is None:
            break
        base, sequence = record.done_on, sequence + 1
    return found


def next_steps(steps: Sequence[TimelineStep]) -> list[TimelineStep]:
    """The tasks still to do, earliest first (for lists and the task list)."""
    return sorted((s for s in steps if s.is_task and s.due), key=lambda s: s.due or datetime.date.max)
