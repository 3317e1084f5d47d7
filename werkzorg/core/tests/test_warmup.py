"""The warm-up before gunicorn forks compiles the portal's templates without touching the database, then
hides what it loaded from the garbage collector."""

import gc
import importlib.util
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings

from werkzorg.core.warmup import warm


def test_warm_compiles_every_template_without_the_database() -> None:
    # No django_db mark: any query here would fail the test.
    assert warm() > 100


def test_gunicorn_warms_and_freezes_the_heap_before_it_forks() -> None:
    spec = importlib.util.spec_from_file_location(
        "gunicorn_conf", Path(settings.BASE_DIR) / "config/gunicorn.conf.py"
    )
    assert spec is not None and spec.loader is not None
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    logged: list[str] = []
    server = SimpleNamespace(log=SimpleNamespace(info=lambda message, *args: logged.append(message % args)))
    try:
        conf.when_ready(server)
        frozen = gc.get_freeze_count()
    finally:
        gc.unfreeze()
    assert frozen > 10_000  # Django and the portal loaded: far more objects than any request makes
    assert logged[0].startswith("warmed: ") and logged[1].startswith("heap frozen: ")
    # Another thread of the test process (a live server's) may free a frozen object in between.
    assert abs(int(logged[1].split()[2]) - frozen) < 1_000
