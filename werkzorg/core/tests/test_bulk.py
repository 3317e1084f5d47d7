"""insert_all stores exactly what bulk_create stores (COPY on PostgreSQL, bulk_create on SQLite)."""

import datetime

from django.forms.models import model_to_dict

from tests.personas import World
from werkzorg.core.bulk import insert_all
from werkzorg.employees.models import Employee


def person(world: World, number: str) -> Employee:
    return Employee(
        organisation=world.org,
        employee_number=number,
        first_name="Zoë",
        name_prefix="d'",
        last_name='O"Neill\\;\ttab',  # quotes, a backslash, a semicolon and a tab survive COPY's text format
        email="zoe@example.nl",
        mobile="+31612345678",
        date_of_birth=datetime.date(1980, 2, 29),
        department="",
        employment_start=datetime.date(2020, 1, 1),
        employment_end=None,
        search_text="zoë",
    )


def test_insert_all_stores_what_bulk_create_stores(world: World) -> None:
    insert_all(Employee, [person(world, "COPY1")])
    Employee.objects.bulk_create([person(world, "BULK1")])
    copied, created = (Employee.objects.get(employee_number=n) for n in ("COPY1", "BULK1"))
    ignore = {"id", "employee_number"}
    assert {k: v for k, v in model_to_dict(copied).items() if k not in ignore} == {
        k: v for k, v in model_to_dict(created).items() if k not in ignore
    }
    assert copied.search_text == "zoë" and copied.created_at and copied.updated_at
    assert copied.last_name == 'O"Neill\\;\ttab'
