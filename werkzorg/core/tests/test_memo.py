"""A memo block is rendered once per name, language and keys; the menu follows each user's rights."""

from django.template import engines
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
