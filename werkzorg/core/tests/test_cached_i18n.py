"""`{% translate "constant" %}` is rendered once per language and escaping; everything else as Django does."""

from django.template import engines
from django.utils import translation

from werkzorg.core.templatetags.cached_i18n import ConstantTranslateNode


def _render(source: str, context: dict[str, object] | None = None, language: str = "nl") -> str:
    with translation.override(language):
        return engines["django"].from_string(source).render(context or {})


def test_every_template_loading_i18n_gets_the_constant_node() -> None:
    template = engines["django"].from_string('{% load i18n %}{% translate "Sign out" %}{% translate label %}')
    kinds = [type(node).__name__ for node in template.template.nodelist]
    assert kinds == ["LoadNode", "ConstantTranslateNode", "TranslateNode"]


def test_a_constant_label_follows_the_language_of_each_render() -> None:
    template = engines["django"].from_string('{% load i18n %}{% translate "Sign out" %}')
    words = []
    for language in ("nl", "en", "nl", "en"):
        with translation.override(language):
            words.append(template.render({}))
    assert words == ["Uitloggen", "Sign out", "Uitloggen", "Sign out"]


def test_variables_filters_context_and_as_are_rendered_as_django_does() -> None:
    source = (
        '{% load i18n %}{% translate label %}|{% translate "Sign out"|upper %}|'
        '{% translate "May" context "month name" %}|{% translate "Sign out" as words %}[{{ words }}]'
    )
    for label, dutch in (("Sign out", "Uitloggen"), ("Overview", "Overzicht")):
        assert _render(source, {"label": label}, language="en") == f"{label}|SIGN OUT|May|[Sign out]"
        assert _render(source, {"label": label}).startswith(f"{dutch}|UITLOGGEN|")
    nodes = engines["django"].from_string(source).template.nodelist
    assert not any(isinstance(node, ConstantTranslateNode) for node in nodes)
