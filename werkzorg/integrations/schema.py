"""The OpenAPI schema names the OAuth 2.0 client-credentials scheme on every operation a client may call.

drf-spectacular's extension for django-oauth-toolkit lists the scheme only on views that check token
scopes; here rights come from werkzorg.access (the client's roles), and every token has the one scope.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.contrib.django_oauth_toolkit import DjangoOAuthToolkitScheme

from werkzorg.access.api import OrgPermission, PersonOrClient


class ClientCredentialsScheme(DjangoOAuthToolkitScheme):
    priority = 1  # over the library's own extension for the same authentication class

    def get_security_requirement(self, auto_schema: Any) -> dict[str, list[str]] | None:  # type: ignore[override]  # None: not listed, as the library does
        permissions = auto_schema.view.get_permissions()
        if any(isinstance(p, (OrgPermission, PersonOrClient)) for p in permissions):
            return {self.name: ["api"]}
        return None  # a person's view only (such as /me/)
