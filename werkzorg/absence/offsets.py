"""THE table of Poortwachter offsets: every step, its owner, what its due date counts from, and the public
source of the rule. `timeline.py` computes with it; change an offset here and nowhere else."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

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


# Whose steps are the employer's side (absence role) and whose the physician's (medical permission).
EMPLOYER_OWNERS = frozenset({Owner.EMPLOYER, Owner.CASE_MANAGER, Owner.EMPLOYER_AND_EMPLOYEE})
PHYSICIAN_OWNERS = frozenset({Owner.PHYSICIAN})

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


def step_label(step: Step, sequence: int) -> str:
    """A step's name as shown: evaluations are numbered."""
    label = str(RULES[step].label)
    return f"{label} {sequence}" if step == Step.EVALUATION else label
