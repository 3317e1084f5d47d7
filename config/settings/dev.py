"""Local development: `make run`. SQLite, e-mail and SMS kept in the development outbox."""

from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = env_bool("DEBUG", True)
EMAIL_BACKEND = env("EMAIL_BACKEND", "werkzorg.notifications.backends.OutboxEmailBackend")
SMS_BACKEND = env("SMS_BACKEND", "werkzorg.notifications.sms.OutboxSMSBackend")
DEV_OUTBOX = True
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
# Static files come from the finders here (runserver / the test live server), not from collectstatic.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise")]  # noqa: F405
