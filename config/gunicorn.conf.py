"""gunicorn for production (docs/operations.md): `gunicorn -c config/gunicorn.conf.py config.wsgi`.

Sync workers with persistent database connections (DATABASE_CONN_MAX_AGE) measured best here; long work
(exports, imports, statements) runs in Celery, so a request never needs more than the time-out.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5  # behind the TLS proxy, which keeps connections to the app open
max_requests = 2000  # recycle workers now and then, with jitter so they do not restart together
max_requests_jitter = 200
# The application is loaded and warmed once in the master (templates compiled, URLs and translations
# loaded; werkzorg/core/warmup.py) and workers are forked from it: a recycled worker starts warm in
# milliseconds instead of importing Django for 1.5-2 s and compiling templates on its first pages; what
# the master loaded is then frozen out of the garbage collector's reach (no 130 ms pauses in workers).
# A new release therefore needs a restart of gunicorn, not a HUP.
preload_app = True
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
# No query strings in the access log: a search is posted, but other parameters need not be kept either.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)ss'


def when_ready(server):
    from werkzorg.core.warmup import freeze_heap, warm

    server.log.info("warmed: %d templates compiled", warm())
    server.log.info("heap frozen: %d objects", freeze_heap())
