"""The rows of a file's Poortwachter timeline, written in one pass.

Fourteen steps, most with a form to record them, are some three hundred template nodes: 1.6 ms of the
file's page (measured). Here each row is a few format strings; every value is escaped as the template
would escape it (`html.escape`, which Django's `escape` calls).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from html import escape

from django import template
from django.template.context import Context
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from werkzorg.absence.offsets import State, Step
from werkzorg.absence.timeline import TimelineStep
from werkzorg.core.templatetags.werkzorg import numeric_date

register = template.Library()

ROW = (
    '<tr class="utrecht-table__row werkzorg-step--{state}" data-step="{step}">\n'
    '<td class="utrecht-table__cell">{label}</td>\n'
    '<td class="utrecht-table__cell werkzorg-date">{due}</td>\n'
    '<td class="utrecht-table__cell">{owner}</td>\n'
    '<td class="utrecht-table__cell">{state_text}</td>\n'
    "{record}</tr>"
)
RECORD = (
    '<details><summary>{record}</summary>\n<form method="post" action="{url}" class="werkzorg-form">{csrf}\n'
    '<input type="hidden" name="step" value="{step}"><input type="hidden" name="sequence" value="{sequence}">\n'
    '<div class="utrecht-form-field"><div class="utrecht-form-field__label"><label class="utrecht-form-label" '
    'for="done-{step}-{sequence}">{done_on}</label></div><div class="utrecht-form-field__input"><input '
    'class="utrecht-textbox utrecht-textbox--html-input" type="date" id="done-{step}-{sequence}" '
    'name="done_on" max="{today}"></div></div>\n'
    '<div class="utrecht-form-field"><div class="utrecht-form-field__label"><label class="utrecht-form-label" '
    'for="na-{step}-{sequence}">{not_applicable}</label></div><div class="utrecht-form-field__input"><input '
    'class="utrecht-textbox utrecht-textbox--html-input" type="text" maxlength="300" id="na-{step}-{sequence}" '
    'name="not_applicable_reason"></div></div>\n'
    '<button type="submit" class="utrecht-button utrecht-button--secondary-action">{record}</button></form>'
    "</details>"
)
NONE = "\u2013"  # the en dash the pages write for "none"


def _due(step: TimelineStep) -> str:
    due = numeric_date(step.due, "d-m-Y") or NONE
    return f"{numeric_date(step.earliest, 'd-m-Y')} \u2013 {due}" if step.earliest else due


def _state(step: TimelineStep) -> str:
    label = escape(step.state_label)
    text = f'<strong class="werkzorg-overdue">{label}</strong>' if step.state == State.OVERDUE else label
    if step.done_on:
        text += f" {numeric_date(step.done_on, 'd-m-Y')}" + (f" ({escape(step.by)})" if step.by else "")
    return text + (f": {escape(step.reason)}" if step.reason else "")


@register.simple_tag(takes_context=True)
def timeline_rows(
    context: Context,
    steps: Iterable[TimelineStep],
    recordable: Collection[Step],
    step_url: str,
    today_iso: str,
) -> SafeString:
    """`{% timeline_rows steps recordable step_url today_iso %}`: the <tr> of each step, with the form to
    record it where the actor may (`recordable`) and it is still to do; no record column without any."""
    token = context.get("csrf_token")
    csrf = (  # as {% csrf_token %} writes it
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(str(token))}">'
        if token and token != "NOTPROVIDED"
        else ""
    )
    words = {
        "record": escape(gettext("Record")),
        "done_on": escape(gettext("Done on")),
        "not_applicable": escape(gettext("Or: not applicable, because")),
    }
    rows = []
    for step in steps:
        record = ""
        if recordable:
            form = ""
            if step.step in recordable and step.state not in {State.DONE, State.NOT_REACHED}:
                form = RECORD.format(
                    url=escape(step_url),
                    csrf=csrf,
                    step=escape(step.step),
                    sequence=step.sequence,
                    today=escape(today_iso),
                    **words,
                )
            record = f'<td class="utrecht-table__cell">{form}</td>\n'
        rows.append(
            ROW.format(
                state=escape(step.state),
                step=escape(step.step),
                label=escape(step.label),
                due=_due(step),
                owner=escape(step.owner_label),
                state_text=_state(step),
                record=record,
            )
        )
    return mark_safe("".join(rows))  # noqa: S308  every value above is escaped
