"""Work every process would otherwise do on its first requests, done once before gunicorn forks its workers.

With `preload_app` the workers share the compiled templates, the URL resolver and the loaded
translations with the master: a worker recycled after its `max_requests` serves its first page as fast
as its hundredth (a cold worker took its first requests at several times the usual time, which showed as
the p99 of whatever page was being measured).
"""

from __future__ import annotations

import gc
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.template import engines
from django.template.utils import get_app_template_dirs
from django.urls import get_resolver
from django.utils import translation


def warm() -> int:
    """Compile every template, fill the URL resolver and load every language's catalogue; returns the
    number of templates compiled. Opens no database connection (a forked worker must open its own)."""
    get_resolver()._populate()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Skip to content")
    engine = engines["django"].engine  # type: ignore[attr-defined]
    compiled = 0
    # The portal's own templates; third-party apps ship templates for parts not installed here.
    own = Path(settings.BASE_DIR) / "werkzorg"
    directories = [
        *engine.dirs,
        *(d for d in get_app_template_dirs("templates") if Path(d).is_relative_to(own)),
    ]
    for directory in directories:
        for path in Path(directory).rglob("*"):
            if path.is_file() and path.suffix in {".html", ".txt", ".xml", ".css", ".js"}:
                engine.get_template(path.relative_to(directory).as_posix())
                compiled += 1
    connections.close_all()
    return compiled


def freeze_heap() -> int:
    """Move everything loaded so far out of the garbage collector's sight; returns how many objects.

    Django, the templates and the catalogues live as long as the process: without this a worker's full
    collection walked all of them (about 200,000 objects, a pause of 130 ms about every 1,500 requests,
    measured) and, by touching their reference counts, copied the master's memory pages into every worker.
    Frozen, a full collection took 7 ms. Called last, just before gunicorn forks its workers."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
