from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# ASVS 5.0 (6.2.9): passwords of at least 64 characters are allowed; a cap stops hashing abuse.
MAX_PASSWORD_LENGTH = 128


class MaximumLengthValidator:
    def validate(self, password: str, user: Any = None) -> None:
        if len(password) > MAX_PASSWORD_LENGTH:
            raise ValidationError(
                _("The password may be at most %(max)d characters.") % {"max": MAX_PASSWORD_LENGTH},
                code="password_too_long",
            )

    def get_help_text(self) -> str:
        return _("At most %(max)d characters.") % {"max": MAX_PASSWORD_LENGTH}
