"""Filters for HTML e-mails: only the portal's own links are links; text people typed never becomes one.

Mail clients turn anything that looks like an address (www.x.nl, a@b.nl) into a link, so in user text a
zero-width space is put after dots, '@' and ':' to keep a name like "www.evil.example" plain text.
"""

from __future__ import annotations

import re

from django import template
from django.conf import settings
from django.utils.html import escape, format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe

register = template.Library()
BREAKABLE = re.compile(r"([.@:/])")


@register.filter
def nolink(value: object) -> SafeString:
    """User text in an HTML mail: escaped, and unlinkable by the mail client."""
    return mark_safe(BREAKABLE.sub("\\1&#8203;", escape(str(value))))  # noqa: S308  # escaped first


@register.filter
def site_links(value: str) -> SafeString:
    """A plain-text mail as HTML: lines kept, the portal's own URLs as links, everything else inert."""
    parts: list[str] = []
    for token in re.split(r"(\s+)", value):
        if token.startswith(settings.SITE_URL + "/"):
            parts.append(format_html('<a href="{}">{}</a>', token, token))
        else:
            parts.append(str(nolink(token)) if token.strip() else token)
    return mark_safe(linebreaks("".join(parts), autoescape=False))  # noqa: S308  # parts are escaped
