"""Audit event types come from the apps that own them; the log refuses a type nobody registered."""

import pytest
from django.db import models

from werkzorg.audit import events
from werkzorg.audit.services import record


class Clash(models.TextChoices):
    LOGIN = "login", "Something else"


def test_every_app_registered_its_event_types() -> None:
    for code in ("login", "member_added", "rights_changed", "employee_read", "consent_given", "desk_changed"):
        assert events.is_known(code), code


def test_a_code_cannot_mean_two_things() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        events.register(Clash)


def test_an_unregistered_type_is_refused(db: None) -> None:
    class Unknown(models.TextChoices):
        NOPE = "nope", "Nope"

    with pytest.raises(ValueError, match="unregistered"):
        record(Unknown.NOPE)
