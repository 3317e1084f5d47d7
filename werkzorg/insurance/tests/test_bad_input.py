"""Generated garbage in every filter and form of the insurance pages gives a page, never a server error."""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.personas import World

pytestmark = pytest.mark.django_db
GARBAGE = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["2026-13", "0000-00", "-1", "9" * 40, "2026-02-30", "=cmd|' /C calc'!A0", "%00", "\x00"]
    ),
)
FILTERS = [
    "status", "collectivity", "relation", "joined_in", "left_in", "date_of_birth", "policy_number",
    "employee_number", "unconfirmed", "sort", "pagina", "zoek", "overzicht", "maand", "van", "tot",
    "collectiviteit", "formaat",
]  # fmt: skip
CHECK = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@CHECK
@given(values=st.lists(GARBAGE, min_size=len(FILTERS), max_size=len(FILTERS)))
def test_filters_survive_garbage(world: World, values: list[str]) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(world.users["insurance"])
    params = {k: v.replace("\x00", "") for k, v in zip(FILTERS, values, strict=True)}
    for path in (
        "/o/acme/verzekerden/",
        "/o/acme/premiecontrole/",
        "/o/acme/borderellen/",
        "/api/v1/o/acme/verzekerden/",
    ):
        status = client.get(path, params).status_code
        assert status < 500, (path, params, status)


@CHECK
@given(value=GARBAGE, other=GARBAGE)
def test_forms_survive_garbage(world: World, value: str, other: str) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(world.users["superuser"])
    person, statement, contract = (world.objects[k].pk for k in ("insured", "statement", "contract"))  # type: ignore[attr-defined]
    posts = {
        f"/o/acme/verzekerden/{person}/afmelden/": {"end_date": value, "reason": other},
        f"/o/acme/verzekerden/{person}/werknemersnummer/": {"employee_number": value},
        f"/o/acme/verzekerden/{person}/collectiviteit-wijzigen/": {
            "collectivity": value,
            "effective_date": other,
        },
        f"/o/acme/verzekerden/{person}/bevestigen/": {"employee_number": value},
        f"/o/acme/borderellen/{statement}/salarisbestand/": {
            "profile": value,
            "columns": [other],
            "withholding_component": other,
        },
        f"/o/acme/collectiviteiten/{contract}/wijziging/": {"text": value},
        "/o/acme/gekoppelde-contracten/": {"customer_number": value, "collectivity_number": other},
        "/o/acme/verzekerden/exporteren/": {"columns": [value], "format": other, "left_in": value},
        "/o/acme/verzekerden/filters/": {"name": value, "query": other},
        "/o/acme/verzekerden/": {"q": value},
    }
    for path, data in posts.items():
        clean = {
            k: [x.replace("\x00", "") for x in v] if isinstance(v, list) else v.replace("\x00", "")
            for k, v in data.items()
        }
        status = client.post(path, clean).status_code
        assert status < 500, (path, clean, status)
