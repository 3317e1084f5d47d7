"""Domain errors: raised by services, shown to users as a form error or a 400/409 with the message."""

from django.utils.functional import Promise


class DomainError(Exception):
    """A rule of the domain was broken; `message` is a translatable sentence for the user."""

    def __init__(self, message: str | Promise, *, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


class ConflictError(DomainError):
    """The request clashes with the current state (a duplicate, a stale form, a finished workflow)."""
