"""Settings shared by every environment; everything deployment-specific comes from the environment."""

import base64
import hashlib
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("WERKZORG_VAR_DIR", BASE_DIR / "var"))


def env(name: str, default: str = "") -> str:
    """Read a setting from the environment; NAME_FILE (a path) wins, so secrets can come from files."""
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        return Path(file_path).read_text().strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    return env(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    return int(env(name, str(default)))


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "insecure-development-key-change-me-" + "x" * 30)
DEBUG = env_bool("DEBUG")
# Keys for encrypted fields (two-factor secrets; later the BSN): Fernet keys, the first encrypts, all
# decrypt (werkzorg/core/crypto.py). Production requires them; this default serves development only.
# The second development key still decrypts two-factor secrets of databases made before the field keys.
_LEGACY_DEV_KEY = base64.urlsafe_b64encode(
    hashlib.sha256(f"werkzorg.mfa:{SECRET_KEY}".encode()).digest()
).decode()
FIELD_ENCRYPTION_KEYS = env_list(
    "FIELD_ENCRYPTION_KEYS", f"ZGV2ZWxvcG1lbnQtb25seS1ub3QtYS1zZWNyZXQtISE=,{_LEGACY_DEV_KEY}"
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# An API call may carry a provider's invoice PDF (10 MB at most) base64-encoded in its JSON body: the body
# may be that large, so the billing service, not a bare 400, tells the caller what is wrong with the file.
DATA_UPLOAD_MAX_MEMORY_SIZE = 15 * 1024 * 1024
# The operator's account from which providers are paid (SEPA credit transfers, billing).
SEPA_DEBTOR_NAME = env("SEPA_DEBTOR_NAME", "Werkzorg Zorgverzekeraar N.V.")
SEPA_DEBTOR_IBAN = env("SEPA_DEBTOR_IBAN", "NL91ABNA0417164300")
SEPA_DEBTOR_BIC = env("SEPA_DEBTOR_BIC", "ABNANL2A")

INSTALLED_APPS = [
    # First, so that its admin registers before werkzorg.integrations.admin takes it off the desk.
    "oauth2_provider",
    # The portal's apps, lowest layer first (see docs/architecture.md); demo data loads in this order.
    "werkzorg.core",
    "werkzorg.access",
    "werkzorg.audit",
    "werkzorg.desk",
    "werkzorg.organisations",
    "werkzorg.notifications",
    "werkzorg.jobs",
    "werkzorg.accounts",
    "werkzorg.integrations",
    "werkzorg.employees",
    "werkzorg.inbox",
    "werkzorg.interventions",
    "werkzorg.insurance",
    "werkzorg.absence",
    "werkzorg.billing",
    "werkzorg.portal",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "django_htmx",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "werkzorg.core.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "werkzorg.access.middleware.RequestedOrganisationMiddleware",
    "werkzorg.accounts.middleware.AuthenticationMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "werkzorg.accounts.middleware.SessionLifetimeMiddleware",
    "werkzorg.accounts.middleware.UserSessionsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "werkzorg.accounts.middleware.RequireTwoFactorMiddleware",
    "werkzorg.core.middleware.NoStoreForSignedInMiddleware",
    "werkzorg.core.middleware.NotFoundMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "werkzorg" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # Django's i18n tags with constant labels rendered once per language (the module says why).
            "libraries": {"i18n": "werkzorg.core.templatetags.cached_i18n"},
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "werkzorg.portal.context_processors.portal",
            ],
        },
    },
]
# Django warns that two modules answer to `i18n` (its own and ours above): that is the point of the override.
SILENCED_SYSTEM_CHECKS = ["templates.W003"]

# Widgets render with the project's templates, so werkzorg/templates/django/forms/ can make them cheaper.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'werkzorg.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Persistent connections buy nothing on SQLite and keep files locked between requests.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A handful of concurrent users without "database is locked": WAL lets readers and one writer work
    # together, a writer waits up to 20 s for another, and IMMEDIATE takes the write lock at BEGIN so
    # two transactions never both read and then collide on their first write.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
    }
else:
    DATABASES["default"]["OPTIONS"] = {}
    if prepare_threshold := env_int("DATABASE_PREPARE_THRESHOLD", 5):
        # Statements bound on the server and prepared after their fifth run on a connection: a page's
        # small statements then skip planning, which took 0.5 of their 0.7 ms (docs/operations.md).
        # Behind a transaction pooler without prepared-statement support, DATABASE_PREPARE_THRESHOLD=0
        # keeps Django's default (values bound in the client, nothing prepared).
        DATABASES["default"]["OPTIONS"] |= {
            "server_side_binding": True,
            "prepare_threshold": prepare_threshold,
        }
    if env("DATABASE_JIT", "off") == "off":
        # PostgreSQL's JIT compiles any statement its planner costs above jit_above_cost; for the year's
        # absence figures over 100,000 employees that took 90 ms of a 200 ms statement (measured), and
        # no statement of ours runs long enough to earn it back. DATABASE_JIT=on leaves the server's
        # setting; behind a pooler that refuses startup options, set `jit = off` on the database instead.
        DATABASES["default"]["OPTIONS"]["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# Ours first: new sessions use it (the user of an organisation's page read with their standing there); the
# other two stay so sessions signed in through them before remain valid.
AUTHENTICATION_BACKENDS = [
    "werkzorg.accounts.backends.AuthenticationBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# OWASP ASVS 5.0 (V6.2): at least 8 characters (we ask 12), up to 64+ allowed, block common and
# breached-style passwords, no composition rules.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "werkzorg.accounts.validators.MaximumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
# Our texts first, then our corrections of allauth's Dutch ("u", not "je"), before the apps' own catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "werkzorg" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))

# Sessions: an inactivity time-out with a warning before it, and an absolute lifetime.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT", 15 * 60)
SESSION_IDLE_WARNING = env_int("SESSION_IDLE_WARNING", 2 * 60)
SESSION_ABSOLUTE_LIFETIME = env_int("SESSION_ABSOLUTE_LIFETIME", 10 * 60 * 60)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_LIFETIME
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: e-mail is the login; accounts come only from invitations.
ACCOUNT_ADAPTER = "werkzorg.accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
# Sign-up is closed (accounts come from invitations); "phone" here switches on allauth's phone change views.
ACCOUNT_SIGNUP_FIELDS = ["email*", "phone*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CHANGE_EMAIL = True
# A new address is confirmed with a code mailed to it (allauth allows this with two-factor on).
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_PHONE_VERIFICATION_ENABLED = True
ACCOUNT_PHONE_VERIFICATION_MAX_ATTEMPTS = 5
ACCOUNT_PHONE_VERIFICATION_TIMEOUT = 10 * 60
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    # Lock-out: after 5 wrong passwords for one e-mail address, 15 minutes of refusal
    # (known or unknown address alike, so the answer tells nothing).
    "login_failed": "20/5m/ip,5/15m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_phone": "3/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
}
MFA_ADAPTER = "werkzorg.accounts.adapter.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", "Werkzorg")
# Accept the previous and next 30-second code too: phones drift, and a code typed at a boundary is not wrong.
MFA_TOTP_TOLERANCE = 1
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env_bool("MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN", False)
# Employer, provider and physician users must have a second factor; the desk may relax it per deployment.
WERKZORG_REQUIRE_TWO_FACTOR = env_bool("REQUIRE_TWO_FACTOR", True)
USERSESSIONS_TRACK_ACTIVITY = True

# Invitations (docs/domain.md, "Accounts"): an SMS code valid 10 minutes, 5 tries, registration within 15 minutes of it.
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)
INVITATION_CODE_VALID_SECONDS = 10 * 60
INVITATION_CODE_MAX_ATTEMPTS = 5
INVITATION_REGISTRATION_WINDOW_SECONDS = 15 * 60
# Over an invitation's whole life (our defaults, see docs/domain.md): after this many codes sent or wrong
# codes typed the invitation is blocked and the inviter told. Limits per client address per hour too.
INVITATION_MAX_CODES = env_int("INVITATION_MAX_CODES", 5)
INVITATION_MAX_WRONG_CODES = env_int("INVITATION_MAX_WRONG_CODES", 10)
INVITATION_CODES_PER_ADDRESS_PER_HOUR = env_int("INVITATION_CODES_PER_ADDRESS_PER_HOUR", 10)
INVITATION_TRIES_PER_ADDRESS_PER_HOUR = env_int("INVITATION_TRIES_PER_ADDRESS_PER_HOUR", 30)
# SMS budgets: per mobile number and for the whole portal.
SMS_PER_NUMBER_PER_HOUR = env_int("SMS_PER_NUMBER_PER_HOUR", 5)
SMS_PER_NUMBER_PER_DAY = env_int("SMS_PER_NUMBER_PER_DAY", 10)
SMS_PER_HOUR = env_int("SMS_PER_HOUR", 500)

# Interventions: the employee answers the consent request within this many days (no answer = refusal),
# with reminders after these days; the survey link stays valid this long.
INTERVENTION_CONSENT_DAYS = env_int("INTERVENTION_CONSENT_DAYS", 14)
# Background exports can be downloaded for this long; then the file is removed.
JOB_RESULT_HOURS = env_int("JOB_RESULT_HOURS", 24)
INTERVENTION_REMINDER_DAYS = (3, 7)
SURVEY_LINK_DAYS = 60
# The employee's absence link (timeline, plan of action, copies): valid this many days, renewed on request.
ABSENCE_LINK_DAYS = env_int("ABSENCE_LINK_DAYS", 30)
# Frequent absence: this many sick reports within the months below propose an early consult. Our default,
# after common occupational-health practice; an operator may set its own.
ABSENCE_FREQUENT_REPORTS = env_int("ABSENCE_FREQUENT_REPORTS", 3)
ABSENCE_FREQUENT_MONTHS = env_int("ABSENCE_FREQUENT_MONTHS", 12)
# E-mail reminders go this many working days before a step's due date.
ABSENCE_REMINDER_WORKING_DAYS = env_int("ABSENCE_REMINDER_WORKING_DAYS", 3)

# E-mail and SMS.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Werkzorg <noreply@werkzorg.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
SMS_BACKEND = env("SMS_BACKEND", "werkzorg.notifications.sms.ConsoleSMSBackend")
SMS_SENDER = env("SMS_SENDER", "Werkzorg")
SMS_HTTP_URL = env("SMS_HTTP_URL")
SMS_HTTP_TOKEN = env("SMS_HTTP_TOKEN")
DEV_OUTBOX = False

# Celery: with no broker configured, tasks run eagerly in the web process.
REDIS_URL = env("REDIS_URL")
CELERY_BROKER_URL = env("CELERY_BROKER_URL", REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if CELERY_TASK_ALWAYS_EAGER:
    CELERY_BROKER_URL = "memory://"  # never contacted in eager mode; keeps kombu from guessing a host
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "werkzorg_cache",
        }
    }

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Machine clients with an OAuth 2.0 access token (client credentials); people with their session.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "oauth2_provider.contrib.rest_framework.OAuth2Authentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_CLASSES": ["werkzorg.access.api.CallerRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"caller": env("API_RATE", "600/min")},
    "NUM_PROXIES": env_int("TRUSTED_PROXY_COUNT", 0),
    "DEFAULT_PAGINATION_CLASS": "werkzorg.core.api.CursorPage",
    "PAGE_SIZE": 100,
    "EXCEPTION_HANDLER": "werkzorg.core.api.exception_handler",
}
# Webhook receivers inside the operator's network (or plain http) must be named here (comma-separated).
WEBHOOK_ALLOWED_HOSTS = env_list("WEBHOOK_ALLOWED_HOSTS")
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"
OAUTH2_PROVIDER_ACCESS_TOKEN_MODEL = "oauth2_provider.AccessToken"
OAUTH2_PROVIDER_ID_TOKEN_MODEL = "oauth2_provider.IDToken"
OAUTH2_PROVIDER_GRANT_MODEL = "oauth2_provider.Grant"
OAUTH2_PROVIDER_REFRESH_TOKEN_MODEL = "oauth2_provider.RefreshToken"
OAUTH2_PROVIDER = {
    "ACCESS_TOKEN_EXPIRE_SECONDS": env_int("API_TOKEN_SECONDS", 3600),
    "SCOPES": {"api": "The organisation's API, within the client's roles"},
    "DEFAULT_SCOPES": ["api"],
    "OAUTH2_VALIDATOR_CLASS": "werkzorg.integrations.oauth.ClientValidator",
    # OAuth 2.0 Security BCP (RFC 9700) throughout; only client credentials are used here anyway.
    "COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT": True,
    "COMPLIANT_BCP_RFC9700_AUTHZ_RESPONSE_ISS": True,
    "COMPLIANT_BCP_RFC9700_IMPLICIT_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PKCE_METHOD": True,
    "COMPLIANT_BCP_RFC9700_TOKEN_STORAGE": True,
    "COMPLIANT_BCP_RFC9700_REFRESH_TOKEN": True,
    "COMPLIANT_BCP_RFC9700_REDIRECT_URI_SCHEME": True,
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https"],
}
SPECTACULAR_SETTINGS = {
    # Machine clients: the client-credentials flow at the token endpoint (docs/api.md).
    "OAUTH2_FLOWS": ["clientCredentials"],
    "OAUTH2_TOKEN_URL": "/api/oauth/token/",
    "OAUTH2_SCOPES": {"api": "The organisation's API, within the client's roles"},
    "TITLE": "Werkzorg API",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["werkzorg.access.api.PersonOrClient"],
}

# Security headers. CSP: no inline script or style anywhere; htmx is configured to add none.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# How many proxies in front of the app append to X-Forwarded-For (the TLS proxy: 1). Rate limits and the
# audit log then use the client's address; 0 trusts no header (the app is reached directly).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# The operator's desk works in Django admin at its own path.
DESK_URL_PATH = env("DESK_URL_PATH", "desk/").strip("/") + "/"

# Fallbacks for the operator settings row (shown wherever users need help).
OPERATOR_NAME = env("OPERATOR_NAME", "Werkzorg")
OPERATOR_DESK_EMAIL = env("OPERATOR_DESK_EMAIL", "werkgeversdesk@werkzorg.example")
OPERATOR_DESK_PHONE = env("OPERATOR_DESK_PHONE", "+31 20 123 4567")
OPERATOR_DESK_HOURS = env("OPERATOR_DESK_HOURS", "ma-vr 8:30-17:00")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    # In eager mode kombu still builds a producer and warns about the unused broker's host name.
    "loggers": {"kombu.connection": {"level": "ERROR"}},
}
