from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django import forms, template
from django.template.base import FilterExpression
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import floatformat
from django.template.loader_tags import BlockNode
from django.urls import reverse
from django.utils import translation
from django.utils.dates import MONTHS
from django.utils.formats import get_format
from django.utils.safestring import SafeString

register = template.Library()

WIDGET_CLASSES = {
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    # before RadioSelect, its parent: each option of a group gets the class of its own kind of input
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.FileInput: "utrecht-textbox utrecht-textbox--html-input",
}


def _is_checkbox(bound_field: forms.BoundField) -> bool:
    return isinstance(bound_field.field.widget, forms.CheckboxInput)


@register.filter
def widget(bound_field: forms.BoundField) -> SafeString:
    """Render the input with NL Design System classes and the ARIA links to its help and errors."""
    widget_obj = bound_field.field.widget
    css = next(
        (c for kind, c in WIDGET_CLASSES.items() if isinstance(widget_obj, kind)),
        "utrecht-textbox utrecht-textbox--html-input",
    )
    attrs: dict[str, Any] = {"class": css}
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}_help")
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}_error")
        attrs["aria-invalid"] = "true"
        attrs["class"] += " utrecht-textbox--invalid"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return bound_field.as_widget(attrs=attrs)


@register.filter
def is_checkbox(bound_field: forms.BoundField) -> bool:
    return _is_checkbox(bound_field)


@register.inclusion_tag("includes/field.html")
def field(bound_field: forms.BoundField) -> dict[str, Any]:
    return {"field": bound_field, "checkbox": _is_checkbox(bound_field)}


@register.inclusion_tag("includes/fields.html")
def fields(form: forms.BaseForm) -> dict[str, Any]:
    return {"form": form}


# A number no row has: reversed once in its place, then replaced by each row's key.
ROW_PLACEHOLDER = 987_654_321


@dataclass(frozen=True)
class RowUrl:
    prefix: str
    suffix: str


@register.simple_tag
def row_url(view_name: str, **kwargs: Any) -> RowUrl:
    """The link of every row of a list from one reverse: `{% row_url 'app:detail' org=slug pk="*" as url %}`
    then `{{ url|for_row:row.pk }}`. Fifty reverses cost a list page more than its data."""
    (row_key,) = [name for name, value in kwargs.items() if value == "*"]
    url = reverse(view_name, kwargs={**kwargs, row_key: ROW_PLACEHOLDER})
    prefix, _placeholder, suffix = url.rpartition(str(ROW_PLACEHOLDER))
    return RowUrl(prefix, suffix)


@register.filter
def for_row(url: RowUrl, key: int) -> str:
    return f"{url.prefix}{int(key)}{url.suffix}"


CENT = Decimal("0.01")

# Day, month and year as numbers: the date formats lists show on every row.
_NUMERIC_DATE_PARTS = {
    "d": "{0.day:02d}",
    "j": "{0.day}",
    "m": "{0.month:02d}",
    "n": "{0.month}",
    "Y": "{0.year:04d}",
}


@functools.cache
def _numeric_date_pattern(date_format: str) -> str | None:
    """A str.format pattern for a format of only d, j, m, n and Y between separators; None otherwise."""
    parts = []
    for char in date_format:
        if char.isalpha() or char == "\\":
            if char not in _NUMERIC_DATE_PARTS:
                return None
            parts.append(_NUMERIC_DATE_PARTS[char])
        else:
            parts.append(char.replace("{", "{{").replace("}", "}}"))
    return "".join(parts)


@register.filter(expects_localtime=True, is_safe=False)
def numeric_date(value: Any, date_format: str) -> str:
    """`|date:"d-m-Y"` for the numeric formats, without the general formatter: a list of fifty rows with
    three dates spent 2 ms in it (12 us a date against 0.6). Other formats go to `date` as they are."""
    pattern = _numeric_date_pattern(date_format)
    if pattern is None or not hasattr(value, "year"):
        return date_filter(value, date_format)
    return pattern.format(value)


@register.filter(expects_localtime=True, is_safe=False)
def long_date(value: Any) -> str:
    """`|date:"j F Y"` ("9 maart 2026"), the date a detail page shows, without the general formatter
    (about seventy function calls a date, measured). Anything but a date or time goes to `date`."""
    if not hasattr(value, "year"):
        return date_filter(value, "j F Y")
    return f"{value.day} {_month_names(translation.get_language())[value.month - 1]} {value.year:04d}"


@functools.cache
def _month_names(language: str | None) -> tuple[str, ...]:
    """The months as `F` writes them, in `language` (the active one when called)."""
    return tuple(str(MONTHS[month]) for month in range(1, 13))


@functools.cache
def _money_separators(language: str | None) -> dict[int, str]:
    """Python writes 1,234.50; the language's decimal and thousand separators replace those."""
    decimal = str(get_format("DECIMAL_SEPARATOR", language))
    thousand = str(get_format("THOUSAND_SEPARATOR", language))
    return str.maketrans({".": decimal, ",": thousand})


@register.filter(is_safe=True)
def money(value: Any) -> str:
    """`|floatformat:"2g"` (two decimals rounded half up, thousands grouped in the language's way) at a
    tenth of its cost: statements show three amounts on each of fifty rows (13.6 us an amount)."""
    if isinstance(value, Decimal):
        amount = value
    else:
        try:
            amount = Decimal(str(value))
        except (ArithmeticError, ValueError, TypeError):
            return ""
    if not amount.is_finite():
        return floatformat(value, "2g")
    rounded = amount.quantize(CENT, ROUND_HALF_UP)
    if not rounded:
        rounded = abs(rounded)  # floatformat writes no minus sign before a zero
    return f"{rounded:,.2f}".translate(_money_separators(translation.get_language()))


_MEMO_SIZE = 4096
_memo: OrderedDict[tuple[Any, ...], str] = OrderedDict()
_memo_lock = threading.Lock()


class MemoNode(template.Node):
    # Not walked by {% extends %} looking for blocks on every render (a memo holds none, see `memo`).
    child_nodelists = ()

    def __init__(self, nodelist: template.NodeList, name: str, keys: list[FilterExpression]) -> None:
        self.nodelist, self.name, self.keys = nodelist, name, keys

    def render(self, context: template.Context) -> str:
        key = (self.name, translation.get_language(), *(k.resolve(context) for k in self.keys))
        with _memo_lock:
            found = _memo.get(key)
            if found is not None:
                _memo.move_to_end(key)
                return found
        rendered = self.nodelist.render(context)
        with _memo_lock:
            _memo[key] = rendered
            if len(_memo) > _MEMO_SIZE:
                _memo.popitem(last=False)
        return rendered


@register.tag
def memo(parser: template.base.Parser, token: template.base.Token) -> MemoNode:
    """`{% memo "name" key1 key2 %}...{% endmemo %}`: the block is rendered once per name, language and
    keys in each process and reused (the menu and footer of every page). The block may use nothing but
    its keys (no CSRF token, no request, no user-specific data beyond a key), so the copy is never stale."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("memo needs a name")
    nodelist = parser.parse(("endmemo",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(BlockNode):
        raise template.TemplateSyntaxError("a memo block cannot hold a {% block %}: it is rendered once")
    return MemoNode(nodelist, bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]])
