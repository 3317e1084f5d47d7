"""The Poortwachter timeline of one absence file, computed from its sick periods and what was recorded.

Pure functions (no database): a file's course in, its steps with due date, owner and state out. Every
offset is in RULES (offsets.py), each with the public source it comes from; change an offset there only.

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

from django.utils.translation import gettext_lazy as _

from werkzorg.absence.offsets import (
    COMBINE_WITHIN_DAYS,
    DAY,
    OWNER_LABELS,
    RULES,
    SAFETY_NET_DAYS,
    STATE_LABELS,
    STATE_PENSION_WAGE_DAYS,
    Anchor,
    Owner,
    Rule,
    SafetyNet,
    State,
    Step,
    step_label,
)
from werkzorg.core.workdays import add_working_days, on_or_after_working_day, on_or_before_working_day


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
        return step_label(self.step, self.sequence)

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
