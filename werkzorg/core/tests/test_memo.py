"""A memo block is rendered once per name, language and keys; the menu follows each user's rights."""

import pytest
from django.template import TemplateSyntaxError, engines
from django.test import Client
from django.utils import translation

from tests.personas import World


class Counter:
    calls = 0

    def __str__(self) -> str:
        Counter.calls += 1
        return "x"


def test_a_block_is_rendered_once_per_key_and_language() -> None:
    template = engines["django"].from_string(
        '{% load werkzorg %}{% memo "test.block" key %}{{ counter }}{% endmemo %}'
    )
    Counter.calls = 0
    for key in ["a", "a", "b", "a", "b"]:
        template.render({"key": key, "counter": Counter()})
    assert Counter.calls == 2
    with translation.override("en"):
        template.render({"key": "a", "counter": Counter()})
    assert Counter.calls == 3


def test_the_menu_follows_the_rights_of_whoever_asks(world: World) -> None:
    superuser, reports = Client(), Client()
    superuser.force_login(world.users["superuser"])
    reports.force_login(world.users["reports"])
    for _ in range(2):  # the second time from the memo
        assert 'href="/o/acme/medewerkers/"' in superuser.get("/o/acme/").content.decode()
        assert 'href="/o/acme/medewerkers/"' not in reports.get("/o/acme/").content.decode()


def test_a_memo_cannot_hold_a_block() -> None:
    with pytest.raises(TemplateSyntaxError):
        engines["django"].from_string(
            '{% load werkzorg %}{% memo "test.b" %}{% block x %}{% endblock %}{% endmemo %}'
        )


def test_the_header_names_whoever_asks_with_a_token_of_their_own(world: World) -> None:
    for key, full_name in (("superuser", "Sam Super"), ("reports", "Rita Rapport")):
        world.users[key].full_name = full_name
        world.users[key].save(update_fields=["full_name"])
    superuser, reports = Client(), Client()
    superuser.force_login(world.users["superuser"])
    reports.force_login(world.users["reports"])
    pages = {}
    for name, client in (("superuser", superuser), ("reports", reports), ("reports-again", reports)):
        pages[name] = client.get("/o/acme/").content.decode()
    assert ">Rita</a>" in pages["reports-again"]
    assert ">Sam</a>" not in pages["reports-again"]
    tokens = [page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0] for page in pages.values()]
    assert len(set(tokens)) == 3  # every form's token is the request's own, never a memoised one
