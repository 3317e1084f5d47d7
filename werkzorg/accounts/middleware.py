"""Session rules (inactivity time-out, absolute lifetime) and the two-factor requirement."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib import auth
from django.contrib.auth import middleware as auth_middleware
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

# Touching the session on every request would write it every time; a minute of slack is plenty.
ACTIVITY_WRITE_INTERVAL = 30


def _redirect(request: HttpRequest, url: str) -> HttpResponse:
    """A redirect that also works for htmx requests (htmx would otherwise swap the login page in)."""
    if request.headers.get("HX-Request") == "true":
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return HttpResponseRedirect(url)


class AuthenticationMiddleware(auth_middleware.AuthenticationMiddleware):
    """Django's, with the user loaded at once instead of behind a lazy proxy. The session rules below ask
    for the user on every request anyway, and a page looks it up a hundred-odd times (the layout, the
    actor, `can`): through the proxy those lookups cost more than reading the page's own row (measured)."""

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        request.user = auth_middleware.get_user(request)


class SessionLifetimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            session = request.session
            started = session.setdefault("werkzorg_login_at", now)
            last = session.get("werkzorg_last_activity", now)
            reason = None
            if now - last > settings.SESSION_IDLE_TIMEOUT:
                reason = "idle"
            elif now - started > settings.SESSION_ABSOLUTE_LIFETIME:
                reason = "lifetime"
            if reason:
                next_path = request.get_full_path() if request.method == "GET" and not request.htmx else ""  # type: ignore[attr-defined]
                auth.logout(request)
                query = {"reason": reason} | ({"next": next_path} if next_path else {})
                return _redirect(request, f"{reverse('accounts:session-expired')}?{urlencode(query)}")
            if now - last >= ACTIVITY_WRITE_INTERVAL or "werkzorg_last_activity" not in session:
                session["werkzorg_last_activity"] = now
        return self.get_response(request)


HAS_FACTOR_KEY = "werkzorg_has_second_factor"
USERSESSION_STAMP_KEY = "werkzorg_usersession_at"
USERSESSION_INTERVAL = 300


class UserSessionsMiddleware:
    """allauth's session list (where and when a user is signed in), refreshed every 5 minutes rather than on
    every request, so that a plain page view writes nothing to the database."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and request.session.session_key:
            now = int(time.time())
            if now - request.session.get(USERSESSION_STAMP_KEY, 0) >= USERSESSION_INTERVAL:
                UserSession.objects.create_from_request(request)
                request.session[USERSESSION_STAMP_KEY] = now
        return self.get_response(request)


TWO_FACTOR_EXEMPT_PREFIXES = (
    "/static/",
    "/accounts/2fa/",
    "/accounts/logout/",
    "/accounts/reauthenticate/",
    "/i18n/",
)
TWO_FACTOR_EXEMPT_NAMES = ("accounts:session-keepalive", "accounts:session-expired", "brand-css", "healthz")


class RequireTwoFactorMiddleware:
    """Every signed-in user sets up an authenticator app or passkey before doing anything else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.exempt_paths: tuple[str, ...] | None = None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            settings.WERKZORG_REQUIRE_TWO_FACTOR
            and request.user.is_authenticated
            and not self._exempt(request.path)
        ) and not request.session.get(HAS_FACTOR_KEY):
            has_factor = Authenticator.objects.filter(
                user_id=request.user.pk, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
            ).exists()
            if not has_factor:
                return _redirect(request, reverse("accounts:two-factor-required"))
            # Kept in the session: removing a factor clears it (signals.py), a desk reset ends the sessions.
            request.session[HAS_FACTOR_KEY] = True
        return self.get_response(request)

    def _exempt(self, path: str) -> bool:
        if self.exempt_paths is None:
            self.exempt_paths = TWO_FACTOR_EXEMPT_PREFIXES + tuple(
                reverse(name) for name in (*TWO_FACTOR_EXEMPT_NAMES, "accounts:two-factor-required")
            )
        return path.startswith(self.exempt_paths)
