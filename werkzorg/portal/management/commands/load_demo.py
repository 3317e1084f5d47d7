from importlib import import_module
from typing import Any

from django.core.management.base import BaseCommand

from werkzorg.accounts.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET
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
        out("Werkzorg demo: http://127.0.0.1:8000  (desk: http://127.0.0.1:8000/desk/)")
        out(f"Every demo user has the password {DEMO_PASSWORD!r} and the same authenticator secret:")
        out(f"  {DEMO_TOTP_SECRET}  (add it to an authenticator app, or print the current code with")
        out("  `.venv/bin/python manage.py demo_totp`)")
        out("E-mail and SMS sent by the portal: http://127.0.0.1:8000/dev/outbox/")
        out("")
        width = max(len(email) for email, _ in logins)
        for email, actor in logins:
            out(f"  {email.ljust(width)}  {actor}")
        out("")
