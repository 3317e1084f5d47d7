from importlib import import_module
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from werkzorg.accounts.demo import DEMO_PASSWORD
from werkzorg.accounts.demo_totp import DEMO_TOTP_SECRET
from werkzorg.core.plugins import portal_apps


class Command(BaseCommand):
    help = "Load every app's demo data (idempotent) and print how to sign in as each actor."

    def handle(self, *args: Any, **options: Any) -> None:
        logins: list[tuple[str, str]] = []
        for app in portal_apps():
            if app.demo:
                logins += import_module(app.demo).load()
        out = self.stdout.write
        out("")
        site = settings.SITE_URL
        out(f"Werkzorg demo: {site}  (desk: {site}/desk/)")
        out(f"Every demo user has the password {DEMO_PASSWORD!r} and the same authenticator secret:")
        out(f"  {DEMO_TOTP_SECRET}  (add it to an authenticator app, or print the current code with")
        out("  `.venv/bin/python -m werkzorg.accounts.demo_totp`)")
        out(f"E-mail and SMS sent by the portal: {site}/dev/outbox/")
        out("")
        width = max(len(email) for email, _ in logins)
        for email, actor in logins:
            out(f"  {email.ljust(width)}  {actor}")
        out("")
