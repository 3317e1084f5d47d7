"""Django's i18n tags, with `{% translate "constant" %}` rendered once per language.

Registered as the `i18n` library (settings TEMPLATES' "libraries"), so every template, ours and the
packages', gets it with `{% load i18n %}`. A page has a dozen to forty constant labels; Django looks each
up in the catalogues on every render (about seventy function calls a label, measured), though the
answer only changes with the language. Anything else (a variable, a filter, `noop`, `context`, `as`)
renders as Django renders it.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.base import Parser, Token, Variable
from django.templatetags import i18n as django_i18n
from django.utils import translation

register = template.Library()
register.tags.update(django_i18n.register.tags)
register.filters.update(django_i18n.register.filters)

# Part of every key, raised when a setting that changes what a label translates to changes (tests).
_generation = 0


@receiver(setting_changed)
def _forget_translations(*, setting: str, **kwargs: Any) -> None:
    global _generation
    if setting in {"LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS", "INSTALLED_APPS"}:
        _generation += 1


class ConstantTranslateNode(django_i18n.TranslateNode):
    """A constant label: Django's rendering, kept per language (a template's own text is not escaped)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rendered: dict[tuple[int, str | None], str] = {}

    def render(self, context: template.Context) -> str:
        key = (_generation, translation.get_language())
        found = self.rendered.get(key)
        if found is None:
            found = self.rendered[key] = super().render(context)
        return found


def _is_constant(node: django_i18n.TranslateNode) -> bool:
    expression = node.filter_expression
    return (
        isinstance(expression.var, Variable)
        and expression.var.literal is not None
        and not expression.filters
        and not node.noop
        and node.asvar is None
        and node.message_context is None
    )


@register.tag("translate")
@register.tag("trans")
def do_translate(parser: Parser, token: Token) -> template.Node:
    node = django_i18n.do_translate(parser, token)
    if isinstance(node, django_i18n.TranslateNode) and _is_constant(node):
        expression = node.filter_expression
        return ConstantTranslateNode(expression, node.noop, node.asvar, node.message_context)
    return node
