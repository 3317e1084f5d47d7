from typing import Any

from django.core.management.base import BaseCommand

from werkzorg.accounts.demo import current_totp_code


class Command(BaseCommand):
    help = "Print the current two-factor code of the demo users (development only)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(current_totp_code())
