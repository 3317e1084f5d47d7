from __future__ import annotations

from typing import Any

from django import forms, template
from django.utils.safestring import SafeString

register = template.Library()

WIDGET_CLASSES = {
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
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
