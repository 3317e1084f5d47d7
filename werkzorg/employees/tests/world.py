"""The employees app's objects in the test world: one employee in each employer."""

from tests.personas import World
from werkzorg.employees.tests.factories import EmployeeFactory

PLACEHOLDERS = {"<int:employee_id>": "employee", "<int:pk>": "employee"}


def extend(world: World) -> None:
    world.objects["employee"] = EmployeeFactory(organisation=world.org)
    world.objects["other_employee"] = EmployeeFactory(organisation=world.other_org)
