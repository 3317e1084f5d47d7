"""The authentication backend: allauth's, loading the user of an organisation's page with their standing."""

from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend

from werkzorg.access.middleware import requested_organisation
from werkzorg.access.rules import load_user_with_standing


class AuthenticationBackend(AllauthBackend):
    """Signs in as allauth's does. On an organisation's page the session's user is read together with
    their membership there (one statement instead of two on every such page); elsewhere as usual.
    Django still verifies the session's password hash on the user this returns."""

    def get_user(self, user_id: Any) -> Any:
        org_slug = requested_organisation()
        if org_slug is None:
            return super().get_user(user_id)
        user = load_user_with_standing(user_id, org_slug)
        return user if user is not None and self.user_can_authenticate(user) else None
