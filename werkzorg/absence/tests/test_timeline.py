"""Due dates worked out by hand (calendar and the Dutch holidays of 2026-2028), and properties of the rules.

First sick day in most cases: Monday 2 March 2026. Day n is 2 March + (n - 1) days; e.g. day 294 is
2 March + 293 = Sunday 20 December 2026, so the 42nd-week report is due the next working day, Monday 21
December 2026.
"""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from werkzorg.absence.offsets import CHAIN, SafetyNet, State, Step
from werkzorg.absence.timeline import Course, Period, Record, compute, continues_period

D = datetime.date
START = D(2026, 3, 2)
EARLY = D(2026, 3, 3)  # "today" just after the first sick day: nothing overdue yet


def dues(course, records=(), today=EARLY):
    return {(s.step, s.sequence): (s.due, s.state) for s in compute(course, records, today)}


def test_it_dates_a_long_absence_by_hand():
    found = dues(Course((Period(START),)))
    expected = {
        (Step.REPORT_TO_OHS, 1): D(2026, 3, 8),
        (Step.INFORMATION_CALL, 1): D(2026, 3, 12),  # 3,4,5,6,9,10,11,12 March: 8 working days
        (Step.PROBLEM_ANALYSIS, 1): D(2026, 4, 12),
        (Step.PLAN_OF_ACTION, 1): D(2026, 4, 26),
        (Step.EVALUATION, 1): D(2026, 6, 7),
        (Step.WEEK_42_REPORT, 1): D(2026, 12, 21),
        (Step.FIRST_YEAR_EVALUATION, 1): D(2027, 2, 28),
        (Step.SECOND_TRACK_DECISION, 1): D(2027, 4, 11),
        (Step.UWV_WIA_LETTER, 1): D(2027, 11, 7),
        (Step.CURRENT_ASSESSMENT, 1): D(2027, 11, 28),
        (Step.FINAL_EVALUATION, 1): D(2027, 11, 28),
        (Step.COPIES_TO_EMPLOYEE, 1): D(2027, 11, 28),
        (Step.WIA_APPLICATION, 1): D(2027, 12, 12),
        (Step.WAGE_CONTINUATION_END, 1): D(2028, 2, 27),
    }
    assert {key: due for key, (due, _state) in found.items()} == expected
    assert found[(Step.UWV_WIA_LETTER, 1)][1] == State.EXPECTED
    assert found[(Step.PROBLEM_ANALYSIS, 1)][1] == State.OPEN


def test_it_shows_the_first_year_window():
    step = next(
        s for s in compute(Course((Period(START),)), (), EARLY) if s.step == Step.FIRST_YEAR_EVALUATION
    )
    assert step.earliest == D(2027, 1, 11)  # day 316, the start of week 46


def test_it_moves_the_dates_by_the_gap_of_a_relapse_within_four_weeks():
    # Sick 2-15 March (14 days), fit 16 March - 5 April (21 days), sick again from 6 April.
    course = Course((Period(START, D(2026, 3, 16)), Period(D(2026, 4, 6))))
    found = dues(course)
    assert found[(Step.PROBLEM_ANALYSIS, 1)][0] == D(2026, 5, 3)  # 14 + 28 days: 6 April + 27
    assert found[(Step.WEEK_42_REPORT, 1)][0] == D(2027, 1, 11)  # day 294 on Sun 10 January 2027
    assert found[(Step.WAGE_CONTINUATION_END, 1)][0] == D(2028, 3, 19)  # 27 February 2028 + 21
    # The first week and the 8 working days count from the first sick day of the combined period.
    assert found[(Step.REPORT_TO_OHS, 1)][0] == D(2026, 3, 8)


def test_it_continues_a_period_only_when_less_than_four_weeks_lay_between():
    assert continues_period(D(2026, 3, 16), D(2026, 4, 12))  # 27 fit days
    assert not continues_period(D(2026, 3, 16), D(2026, 4, 13))  # 28 fit days: a new period


def test_it_ends_wage_continuation_after_six_weeks_at_state_pension_age():
    found = dues(Course((Period(START),), state_pension_age=True))
    assert found[(Step.WAGE_CONTINUATION_END, 1)][0] == D(2026, 4, 12)
    assert found[(Step.PROBLEM_ANALYSIS, 1)][1] == State.OPEN  # due on the last day, still owed
    assert found[(Step.PLAN_OF_ACTION, 1)][1] == State.NOT_APPLICABLE
    assert found[(Step.WEEK_42_REPORT, 1)][1] == State.NOT_APPLICABLE


def test_it_asks_for_the_uwv_report_on_the_last_working_day_when_employment_ends():
    # Employment ends on Saturday 30 May 2026: the report is due on Friday 29 May.
    found = dues(Course((Period(START),), employment_end=D(2026, 5, 30)))
    assert found[(Step.EMPLOYMENT_END_REPORT, 1)] == (D(2026, 5, 29), State.OPEN)
    assert found[(Step.PLAN_OF_ACTION, 1)][1] == State.OPEN  # 26 April, still in employment
    assert found[(Step.EVALUATION, 1)][1] == State.NOT_APPLICABLE  # 7 June, after the end
    assert found[(Step.WEEK_42_REPORT, 1)][1] == State.NOT_APPLICABLE


def test_it_replaces_the_42nd_week_report_in_a_safety_net_case():
    pregnancy = dues(Course((Period(START),), safety_net=SafetyNet.PREGNANCY))
    assert pregnancy[(Step.SAFETY_NET_REPORT, 1)][0] == D(2026, 4, 13)  # within 6 weeks
    assert (Step.WEEK_42_REPORT, 1) not in pregnancy
    late = dues(Course((Period(START),), safety_net=SafetyNet.PREGNANCY_LATE))
    assert late[(Step.SAFETY_NET_REPORT, 1)][0] == D(2026, 3, 5)  # the 4th sick day
    plain = dues(Course((Period(START),)))
    assert (Step.SAFETY_NET_REPORT, 1) not in plain


def test_it_says_steps_after_recovery_were_not_reached_and_keeps_the_missed_ones_overdue():
    # Sick 2-19 March (recovered on the 20th); the information call was never held.
    found = dues(Course((Period(START, D(2026, 3, 20)),)), today=D(2026, 3, 25))
    assert found[(Step.INFORMATION_CALL, 1)] == (D(2026, 3, 12), State.OVERDUE)
    assert found[(Step.PROBLEM_ANALYSIS, 1)][1] == State.NOT_REACHED
    assert found[(Step.WAGE_CONTINUATION_END, 1)][1] == State.NOT_REACHED


def test_it_dates_the_plan_from_the_analysis_held_and_evaluations_from_the_one_before():
    records = [
        Record(Step.PROBLEM_ANALYSIS, done_on=D(2026, 4, 1)),
        Record(Step.PLAN_OF_ACTION, done_on=D(2026, 4, 10)),
        Record(Step.EVALUATION, 1, done_on=D(2026, 5, 20)),
    ]
    found = dues(Course((Period(START),)), records, today=D(2026, 6, 1))
    assert found[(Step.PLAN_OF_ACTION, 1)] == (D(2026, 4, 15), State.DONE)
    assert found[(Step.EVALUATION, 1)] == (D(2026, 5, 22), State.DONE)  # 10 April + 42
    assert found[(Step.EVALUATION, 2)] == (D(2026, 7, 1), State.OPEN)  # 20 May + 42
    assert (Step.EVALUATION, 3) not in found


def test_it_records_a_step_as_not_applicable_with_its_reason():
    records = [Record(Step.INFORMATION_CALL, not_applicable_reason="Telefonisch niet bereikbaar")]
    step = next(
        s
        for s in compute(Course((Period(START),)), records, D(2026, 4, 1))
        if s.step == Step.INFORMATION_CALL
    )
    assert (step.state, step.reason) == (State.NOT_APPLICABLE, "Telefonisch niet bereikbaar")


days = st.integers(min_value=0, max_value=3000)
# Spells of up to 100 sick days with fewer than 28 fit days after each; the last period stays open, so
# the 728th sick day falls in it.
spells = st.lists(st.tuples(st.integers(1, 100), st.integers(1, 27)), min_size=0, max_size=5)


def course_of(start_offset, parts, *, open_end=True):
    start = D(2024, 1, 1) + datetime.timedelta(days=start_offset)
    periods, day = [], start
    for sick, gap in parts:
        recovered = day + datetime.timedelta(days=sick)
        periods.append(Period(day, recovered))
        day = recovered + datetime.timedelta(days=gap)
    periods.append(Period(day, None if open_end else day + datetime.timedelta(days=30)))
    return Course(tuple(periods))


@settings(max_examples=60, deadline=None)
@given(days, spells)
def test_property_the_chain_comes_in_order_and_never_before_the_first_sick_day(start_offset, parts):
    course = course_of(start_offset, parts)
    steps = compute(course, (), course.first_day)
    assert all(s.due is None or s.due >= course.first_day for s in steps)
    chain = [s.due for step in CHAIN for s in steps if s.step == step]
    assert chain == sorted(chain)


@settings(max_examples=60, deadline=None)
@given(days, spells)
def test_property_a_relapse_within_four_weeks_moves_the_end_by_the_gap_only(start_offset, parts):
    course = course_of(start_offset, parts)
    gaps = sum(gap for _sick, gap in parts)
    end = next(s.due for s in compute(course, (), course.first_day) if s.step == Step.WAGE_CONTINUATION_END)
    assert end == course.first_day + datetime.timedelta(days=727 + gaps)
