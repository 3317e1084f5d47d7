"""The bench's server: production's middleware and templates, plain HTTP on 127.0.0.1, the baseline pages added.

The cache is Redis when BENCH_REDIS_URL (or REDIS_URL) is set, as in production; otherwise each worker's
memory, never the database cache (which would put statements on every page that production never runs).
"""

from config.settings.base import *  # noqa: F403
from config.settings.base import env

DEBUG = False
SECRET_KEY = "bench-only-secret-key-" + "b" * 40
ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "werkzorg.notifications.sms.LocMemSMSBackend"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = "memory://"
_redis = env("BENCH_REDIS_URL", env("REDIS_URL"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _redis}
    if _redis
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
