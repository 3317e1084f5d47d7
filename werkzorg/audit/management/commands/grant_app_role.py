from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from werkzorg.audit.roles import grant_app_role


class Command(BaseCommand):
    help = "PostgreSQL: give the application's role its privileges (audit log: read and insert only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("role", help="the role the application connects as, e.g. werkzorg_app")

    def handle(self, *args: Any, role: str, **options: Any) -> None:
        grant_app_role(role)
        self.stdout.write(f"{role}: privileges granted; the audit log is read and insert only")
