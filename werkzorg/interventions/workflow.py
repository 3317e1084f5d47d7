"""The request's life as an explicit state machine: every allowed step is in TRANSITIONS, anything else is refused."""

from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext as _

from werkzorg.core.errors import ConflictError
from werkzorg.interventions.models import RequestStatus as S


class Actor(StrEnum):
    EMPLOYEE = "employee"  # by the signed consent link
    EMPLOYER = "employer"
    PROVIDER = "provider"
    SYSTEM = "system"  # the consent deadline


# (from, to) -> who may take the step.
TRANSITIONS: dict[tuple[S, S], frozenset[Actor]] = {
    (S.AWAITING_CONSENT, S.FORWARDED): frozenset({Actor.EMPLOYEE}),
    (S.AWAITING_CONSENT, S.CANCELLED): frozenset({Actor.EMPLOYEE, Actor.EMPLOYER, Actor.SYSTEM}),
    (S.FORWARDED, S.CONTACTED): frozenset({Actor.PROVIDER}),
    (S.FORWARDED, S.PLANNED): frozenset({Actor.PROVIDER}),
    (S.FORWARDED, S.CANCELLED): frozenset({Actor.EMPLOYEE, Actor.EMPLOYER}),
    (S.CONTACTED, S.PLANNED): frozenset({Actor.PROVIDER}),
    (S.CONTACTED, S.CANCELLED): frozenset({Actor.EMPLOYEE, Actor.EMPLOYER}),
    (S.PLANNED, S.IN_TREATMENT): frozenset({Actor.PROVIDER}),
    # Every appointment cancelled and none held: back to "contacted" until a new one is planned.
    (S.PLANNED, S.CONTACTED): frozenset({Actor.PROVIDER}),
    (S.PLANNED, S.CANCELLED): frozenset({Actor.EMPLOYEE, Actor.EMPLOYER}),
    (S.IN_TREATMENT, S.COMPLETED): frozenset({Actor.PROVIDER}),
    (S.IN_TREATMENT, S.CANCELLED): frozenset({Actor.EMPLOYEE, Actor.EMPLOYER}),
}

# Steps on the employer's timeline, in order, for the progress display.
TIMELINE = [S.AWAITING_CONSENT, S.FORWARDED, S.CONTACTED, S.PLANNED, S.IN_TREATMENT, S.COMPLETED]
OPEN_STATUSES = frozenset({S.AWAITING_CONSENT, S.FORWARDED, S.CONTACTED, S.PLANNED, S.IN_TREATMENT})


def can_transition(current: str, target: str, actor: Actor) -> bool:
    return actor in TRANSITIONS.get((S(current), S(target)), frozenset())


def check_transition(current: str, target: str, actor: Actor) -> None:
    if not can_transition(current, target, actor):
        raise ConflictError(
            _("This step is not possible now (the request is %(status)s).") % {"status": S(current).label}
        )


def allowed_targets(current: str, actor: Actor) -> list[S]:
    return [
        target for (source, target), actors in TRANSITIONS.items() if source == current and actor in actors
    ]
