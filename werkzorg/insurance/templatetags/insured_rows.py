"""The rows of the insured list, written in one pass.

Fifty rows of eight cells are four hundred template variables, each looked up, localised and escaped by
the template engine: 2.4 ms of a 12 ms page (measured). Here each row is one format string; every value
is escaped as the template would escape it (`html.escape`, which Django's `escape` calls).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from html import escape
from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from werkzorg.core.templatetags.werkzorg import RowUrl, for_row, numeric_date

register = template.Library()

ROW = (
    '\n<tr class="utrecht-table__row">\n'
    '<td class="utrecht-table__cell"><a class="utrecht-link" href="{url}">{name}</a></td>\n'
    '<td class="utrecht-table__cell">{policy_number}</td>\n'
    '<td class="utrecht-table__cell">{employee_number}</td>\n'
    '<td class="utrecht-table__cell">{relation}</td>\n'
    '<td class="utrecht-table__cell werkzorg-date">{date_of_birth}</td>\n'
    '<td class="utrecht-table__cell">{collectivity}</td>\n'
    '<td class="utrecht-table__cell werkzorg-date">{start}</td>\n'
    '<td class="utrecht-table__cell werkzorg-date">{end}</td>\n'
    "</tr>"
)
NONE = "\u2013"  # the en dash the pages write for "none"


def _day(value: date | None) -> str:
    return numeric_date(value, "d-m-Y") or NONE


@register.simple_tag
def insured_rows(rows: Iterable[Any], detail_url: RowUrl) -> SafeString:
    """`{% insured_rows page.object_list detail_url %}`: the <tr> of each InsuredRow."""
    return mark_safe(  # noqa: S308  every value below is escaped
        "".join(
            ROW.format(
                url=escape(for_row(detail_url, row.pk)),
                name=escape(row.display_name),
                policy_number=escape(row.policy_number),
                employee_number=escape(row.employee_number) or NONE,
                relation=escape(row.relation_label),
                date_of_birth=_day(row.date_of_birth),
                collectivity=escape(row.collectivity_name),
                start=_day(row.start_date),
                end=_day(row.end_date),
            )
            for row in rows
        )
    )
