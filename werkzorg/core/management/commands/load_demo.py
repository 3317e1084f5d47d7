from typing import Any

from django.core.management.base import BaseCommand

from werkzorg.core.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, load_demo


class Command(BaseCommand):
    help = "Load the demo data (idempotent) and print how to sign in as each actor."

    def handle(self, *args: Any, **options: Any) -> None:
        users = load_demo()
        out = self.stdout.write
        out("")
        out("Werkzorg demo: http://127.0.0.1:8000  (desk: http://127.0.0.1:8000/desk/)")
        out(f"Every demo user has the password {DEMO_PASSWORD!r} and the same authenticator secret:")
        out(f"  {DEMO_TOTP_SECRET}  (add it to an authenticator app, or print the current code with")
        out("  `.venv/bin/python manage.py demo_totp`)")
        out("E-mail and SMS sent by the portal: http://127.0.0.1:8000/dev/outbox/")
        out("")
        width = max(len(u.email) for u in users)
        for user in users:
            out(f"  {user.email.ljust(width)}  {user.actor}")
        out("")
