"""Reads of the employee register for its pages."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import ClassVar

from werkzorg.employees.models import EmployeeWords


@dataclass(frozen=True, slots=True)
class EmployeeRow(EmployeeWords):
    """A row of the register as plain values: fifty model instances of sixteen columns each (the search
    text among them) cost the list and its search more than reading them (measured)."""

    pk: int
    employee_number: str
    first_name: str
    name_prefix: str
    last_name: str
    department: str
    employment_end: datetime.date | None
    # The values read for a row, in the order of the fields above.
    columns: ClassVar[tuple[str, ...]] = (
        "pk",
        "employee_number",
        "first_name",
        "name_prefix",
        "last_name",
        "department",
        "employment_end",
    )
