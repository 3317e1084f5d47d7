"""Pagination for every list: counts that stay cheap on 100,000 rows, and page links that keep the filters."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

# Beyond this many rows a list says "more than 10,000": an exact total costs a scan of the whole tenant
# and tells the reader nothing that narrowing the list (search, filters) or the export does not.
COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    cap = COUNT_CAP

    @cached_property
    def count(self) -> int:
        if isinstance(self.object_list, QuerySet):
            # SELECT COUNT(*) FROM (SELECT ... LIMIT cap + 1): stops reading at the cap.
            counted = self.object_list.order_by()[: self.cap + 1].count()
        else:
            counted = len(self.object_list)
        self._capped = counted > self.cap
        return min(counted, self.cap)

    @property
    def capped(self) -> bool:
        """True when there are more rows than the count says; pages stop at the cap."""
        self.count  # noqa: B018 (the count sets the flag)
        return self._capped


def paginate(
    request: HttpRequest,
    rows: QuerySet[Any] | list[Any],
    per_page: int,
    *,
    row: type[Any] | None = None,
) -> Page:
    """One page of `rows`. With `row` (a class with the `columns` it is made from), the page reads only
    those columns and makes each row `row(*values)`: plain values, not model instances with their related
    ones; the count still reads only the keys of `rows`."""
    page = CappedPaginator(rows, per_page).get_page(request.GET.get("pagina"))
    if row is not None:
        page.object_list = [row(*values) for values in page.object_list.values_list(*row.columns)]  # type: ignore[attr-defined]
    return page


def query_without_page(request: HttpRequest) -> str:
    """The list's filters as a query string, for page links that keep them."""
    query = request.GET.copy()
    query.pop("pagina", None)
    return query.urlencode()
