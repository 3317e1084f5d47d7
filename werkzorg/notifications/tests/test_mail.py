"""Mail as people read it: plain text is not HTML-escaped, only the portal's own links are links,
and every mailed link comes from SITE_URL, never from the Host header a client sent."""

from __future__ import annotations

from django.core import mail
from django.test import Client, TestCase, override_settings

from tests.personas import World
from werkzorg.notifications.services import render_email


def test_plain_text_is_not_html_escaped_and_user_text_is_no_link(world: World) -> None:
    invitation = world.objects["invitation"]
    invitation.full_name = "Bakker & Zn <www.evil.example>"  # type: ignore[attr-defined]
    world.org.name = "Acme & Co"
    context = {
        "invitation": invitation,
        "url": "http://portal.example/uitnodiging/x/",
        "masked_phone": "06***11",
    }
    _subject, body, html = render_email("invitation", context)
    assert "Bakker & Zn <www.evil.example>" in body and "Acme & Co" in body
    assert "&amp;amp;" not in html and "<www.evil" not in html
    assert "www.&#8203;evil.&#8203;example" in html  # unlinkable for a mail client
    assert '<a href="http://portal.example/uitnodiging/x/">' in html


@override_settings(SITE_URL="https://portal.example")
def test_only_the_portals_own_urls_become_links_in_a_plain_mail(world: World) -> None:
    from werkzorg.notifications.templatetags.mail import site_links

    html = site_links("Zie https://portal.example/o/acme/ of www.evil.example en https://evil.example/x")
    assert html.count("<a ") == 1 and '<a href="https://portal.example/o/acme/">' in html
    assert "https:&#8203;/&#8203;/&#8203;evil" in html


@override_settings(SITE_URL="https://portal.example", ALLOWED_HOSTS=["*"])
def test_the_password_reset_link_comes_from_site_url(world: World) -> None:
    """Even where a proxy passes any Host header on."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        Client().post("/accounts/password/reset/", {"email": "requester@acme.nl"}, HTTP_HOST="evil.example")
    body = mail.outbox[-1].body
    assert "https://portal.example/accounts/password/reset/key/" in body and "evil.example" not in body
