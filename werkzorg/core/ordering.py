"""Sorting the few rows of one object's page in Python instead of by the database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import Model, QuerySet

M = TypeVar("M", bound=Model)


def sorted_rows(rows: QuerySet[M], key: Callable[[M], Any], *, reverse: bool = False) -> list[M]:
    """An object's few related rows (a request's appointments, a file's sick periods), read without an
    ORDER BY and sorted by `key`, which must give the order the page wants.

    With an ORDER BY, Django hashes every selected column while compiling the statement (to refer to
    them by position): 300 to 600 function calls a statement, more than a detail page spends reading
    its rows (measured). Rows that can be many (a list, an export) are sorted and limited by the database.
    """
    return sorted(rows.order_by(), key=key, reverse=reverse)
