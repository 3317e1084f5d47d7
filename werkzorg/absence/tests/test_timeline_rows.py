"""The timeline's rows written by `{% timeline_rows %}` are what the template wrote before it (kept below
as the reference), for every state, with and without the forms, escaped alike."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from django.template import engines
from django.utils import translation

from werkzorg.absence.offsets import Owner, State, Step
from werkzorg.absence.timeline import TimelineStep

# The rows as the page's template wrote them before the tag.
REFERENCE = engines["django"].from_string(
    (Path(__file__).parent / "timeline_rows_reference.html").read_text()
)
TAG = engines["django"].from_string(
    "{% load timeline_rows %}{% timeline_rows steps recordable step_url today_iso %}"
)
D = datetime.date
STEPS = [
    TimelineStep(
        Step.REPORT_TO_OHS, 1, D(2026, 3, 9), State.DONE, Owner.EMPLOYER, D(2026, 3, 9), "An <Jansen>"
    ),
    TimelineStep(Step.PROBLEM_ANALYSIS, 1, D(2026, 4, 6), State.OVERDUE, Owner.PHYSICIAN),
    TimelineStep(
        Step.PLAN_OF_ACTION, 1, D(2026, 4, 13), State.OPEN, Owner.CASE_MANAGER, earliest=D(2026, 4, 7)
    ),
    TimelineStep(Step.EVALUATION, 2, None, State.NOT_REACHED, Owner.CASE_MANAGER),
    TimelineStep(
        Step.INFORMATION_CALL,
        1,
        D(2026, 3, 2),
        State.DONE,
        Owner.EMPLOYER,
        D(2026, 3, 3),
        reason='n.v.t. & "geen"',
    ),
]


def squeezed(html: str) -> str:
    return re.sub(r">\s+<", "><", html).strip()


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    "recordable",
    [set(), {Step.PROBLEM_ANALYSIS, Step.PLAN_OF_ACTION, Step.REPORT_TO_OHS, Step.EVALUATION}],
)
def test_the_rows_are_the_templates(language: str, recordable: set[Step]) -> None:
    context = {
        "steps": STEPS,
        "recordable": recordable,
        "step_url": "/o/acme/verzuim/7/stap/?a=1&b=2",
        "today_iso": "2026-04-10",
        "csrf_token": "tok<en>",
    }
    with translation.override(language):
        expected, written = REFERENCE.render(context), TAG.render(context)
    assert squeezed(written) == squeezed(expected)
    assert "&lt;Jansen&gt;" in written and "&amp; &quot;geen&quot;" in written
    assert ("csrfmiddlewaretoken" in written) == bool(recordable)


def test_a_hand_written_row() -> None:
    step = TimelineStep(
        Step.PROBLEM_ANALYSIS, 1, D(2026, 4, 6), State.OVERDUE, Owner.PHYSICIAN, earliest=D(2026, 3, 30)
    )
    with translation.override("nl"):
        written = TAG.render({"steps": [step], "recordable": set(), "step_url": "", "today_iso": ""})
    assert written == (
        '<tr class="utrecht-table__row werkzorg-step--overdue" data-step="problem_analysis">\n'
        '<td class="utrecht-table__cell">Probleemanalyse</td>\n'
        '<td class="utrecht-table__cell werkzorg-date">30-03-2026 \u2013 06-04-2026</td>\n'
        '<td class="utrecht-table__cell">bedrijfsarts</td>\n'
        '<td class="utrecht-table__cell"><strong class="werkzorg-overdue">te laat</strong></td>\n'
        "</tr>"
    )
