"""Playwright on Debian's Chromium against the live test server, with an axe-core check on every page."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).resolve().parents[2] / "werkzorg" / "static" / "vendor" / "axe" / "axe.min.js"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Playwright's sync API runs an event loop in this thread; the Django test database is used alongside it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(
                "Debian's chromium is missing: browser tests never skip in CI (apt-get install chromium)"
            )
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def new_page(browser: Any, live_server: Any) -> Iterator[Any]:
    contexts = []

    def make() -> Any:
        # bypass_csp lets the test inject axe-core; the pages themselves keep their strict CSP.
        context = browser.new_context(base_url=live_server.url, bypass_csp=True, locale="nl-NL")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield make
    for context in contexts:
        context.close()


# What Chromium says when a script meets a document that a navigation is replacing.
NAVIGATING = ("Execution context was destroyed", "reading 'appendChild'", "Cannot find context")


def check_axe(page: Any) -> None:
    """No WCAG 2.1 A/AA violations on the page as it is now."""
    from playwright.sync_api import Error

    for attempt in range(5):
        # A click on a link returns once the next document is committed, before it has a <head>;
        # axe goes in when that document has loaded, and again if a navigation still replaced it.
        page.wait_for_load_state("load")
        try:
            page.add_script_tag(path=str(AXE))
            result = page.evaluate(
                "() => axe.run(document, {runOnly: {type: 'tag', "
                "values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
            )
            break
        except Error as error:
            if attempt == 4 or not any(sign in error.message for sign in NAVIGATING):
                raise
    problems = [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
        for v in result["violations"]
    ]
    assert not problems, f"axe-core on {page.url}:\n" + "\n".join(problems)


def totp_code(secret: str) -> str:
    while time.time() % 30 > 27:  # do not type a code that is about to roll over
        time.sleep(0.5)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(page: Any, email: str, password: str, secret: str) -> None:
    page.goto("/accounts/login/")
    check_axe(page)
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.click("form.werkzorg-form button[type=submit]")
    page.wait_for_url("**/accounts/2fa/authenticate/")
    check_axe(page)
    page.fill("input[name=code]", totp_code(secret))
    page.click("form.werkzorg-form button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/" not in url)


def signed_in_as(page: Any, user: Any, live_server: Any) -> None:
    """A signed-in session without the sign-in pages (they have tests of their own), for page checks."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    page.context.add_cookies([{"name": "sessionid", "value": store.session_key, "url": live_server.url}])
