"""get_or_404: one object in the actor's scope, read by its key without sorting; by other fields the first."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.personas import World
from werkzorg.access.rules import get_or_404, resolve_actor
from werkzorg.core.errors import NotFound
from werkzorg.employees.models import Employee
from werkzorg.employees.tests.factories import EmployeeFactory


def test_by_primary_key_one_statement_without_order_and_another_tenants_row_is_a_404(world: World) -> None:
    actor = resolve_actor(world.users["superuser"], "acme")
    own = EmployeeFactory(organisation=world.org)
    theirs = EmployeeFactory(organisation=world.other_org)
    for lookup in ({"pk": own.pk}, {"id": own.pk}):
        with CaptureQueriesContext(connection) as statements:
            assert get_or_404(Employee, actor, **lookup) == own
        assert len(statements) == 1
        assert "ORDER BY" not in statements[0]["sql"]
    with pytest.raises(NotFound):
        get_or_404(Employee, actor, pk=theirs.pk)


def test_by_other_fields_the_first_in_the_models_order(world: World) -> None:
    actor = resolve_actor(world.users["superuser"], "acme")
    # Employees are ordered by last name: Zwart was added first, Aalders comes first.
    EmployeeFactory(organisation=world.org, last_name="Zwart", department="Kantoor")
    EmployeeFactory(organisation=world.org, last_name="Aalders", department="Kantoor")
    assert get_or_404(Employee, actor, department="Kantoor").last_name == "Aalders"
