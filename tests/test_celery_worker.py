"""Tasks sent through Redis to a real Celery worker: done, retried after a failure, and not run twice.

Needs Redis at 127.0.0.1:6379 (CI has it); outside CI the test is skipped when Redis is not there.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from celery import Celery

ROOT = Path(__file__).resolve().parent.parent
BROKER = "redis://127.0.0.1:6379/14"
PROBE = "redis://127.0.0.1:6379/15"


def redis_up() -> bool:
    try:
        return bool(redis.Redis.from_url(PROBE, socket_connect_timeout=1).ping())
    except redis.exceptions.ConnectionError:
        return False


@pytest.fixture
def worker(tmp_path: Path) -> Iterator[tuple[Celery, str]]:
    if not redis_up():
        if os.environ.get("CI"):
            pytest.fail("Redis is not running at 127.0.0.1:6379; CI runs this test against it")
        pytest.skip("no Redis at 127.0.0.1:6379")
    queue = f"probe-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "CELERY_BROKER_URL": BROKER,
        "PROBE_REDIS_URL": PROBE,
        "WERKZORG_VAR_DIR": str(tmp_path),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "--include=tests.celery_probe",
            "--without-heartbeat",
            "--without-mingle",
            "--without-gossip",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    client = Celery("probe-client", broker=BROKER)
    client.conf.task_default_queue = queue
    try:
        yield client, queue
    finally:
        process.terminate()
        process.wait(timeout=20)


def wait_for(check: object, seconds: float = 30) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.2)
    return False


def test_a_real_worker_runs_tasks_once_and_retries_a_failure(worker: tuple[Celery, str]) -> None:
    client, queue = worker
    probe = redis.Redis.from_url(PROBE)
    ok, flaky = f"probe:{uuid.uuid4().hex}", f"probe:{uuid.uuid4().hex}"
    try:
        client.send_task("probe.ok", args=[ok], queue=queue)
        client.send_task("probe.flaky", args=[flaky], queue=queue)
        assert wait_for(lambda: probe.get(ok) == b"1"), "the task was not done"
        assert wait_for(lambda: probe.get(f"{flaky}:done") == b"1"), "the failed task was not retried"
        assert probe.get(flaky) == b"2"  # one failure, one retry that succeeded
        time.sleep(2)
        assert probe.get(ok) == b"1" and probe.get(flaky) == b"2"  # and nothing ran twice
    finally:
        probe.delete(ok, flaky, f"{flaky}:done")
