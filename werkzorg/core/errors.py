"""Domain errors: raised by services, shown to users as a form error or a 400/404/409 with the message."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """A rule of the domain was broken; `message` is a translatable sentence for the user."""

    def __init__(self, message: str | Promise, *, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


class ConflictError(DomainError):
    """The request clashes with the current state (a duplicate, a stale form, a finished workflow)."""


class NotFound(DomainError):
    """Missing, or not in the actor's scope: the two are never told apart. Becomes a 404."""

    def __init__(self, message: str | Promise | None = None, *, field: str | None = None) -> None:
        super().__init__(message if message is not None else _("Not found."), field=field)
