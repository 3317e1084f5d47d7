from typing import Any

from django.core.management.base import BaseCommand

from werkzorg.core.crypto import rotate_all


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field with the first of FIELD_ENCRYPTION_KEYS (after adding a new key)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        for name, count in rotate_all().items():
            self.stdout.write(f"{name}: {count} re-encrypted")
