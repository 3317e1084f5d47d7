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
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
# No query strings in the access log: a search is posted, but other parameters need not be kept either.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)ss'
