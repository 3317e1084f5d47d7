"""The embedded SQLite default under a handful of concurrent users: no "database is locked", no server error.

A bounded load test: the portal as `make run` serves it (runserver, a fresh SQLite file), 16 signed-in
clients for a few seconds. Every signed-in request writes (allauth's session tracking reads, then writes,
in one transaction), which is what used to collide.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = 16
SECONDS = 5


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )
    return done.stdout.decode()


# A user and one signed-in session per client, made as Django's login would store them.
SIGNED_IN_SESSIONS = f"""
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from werkzorg.accounts.models import User
user = User.objects.create_user("load@example.nl", "Load-test-password-2026")
for _ in range({CLIENTS}):
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    print(store.session_key)
"""


def client_loop(
    base: str, session: str, deadline: float, statuses: Counter[int], lock: threading.Lock
) -> None:
    opener = urllib.request.build_opener()
    opener.addheaders = [("Cookie", f"sessionid={session}")]
    while time.monotonic() < deadline:
        for path in ("/account/", "/organisaties/", "/interventiewijzer/"):
            try:
                response = opener.open(f"{base}{path}", timeout=30)
                code = response.status
                response.read()
            except urllib.error.HTTPError as error:
                code = error.code
            with lock:
                statuses[code] += 1


def test_sixteen_clients_on_the_sqlite_default_get_no_server_error(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "WERKZORG_VAR_DIR": str(tmp_path),
        "REQUIRE_TWO_FACTOR": "0",  # these clients sign in with a password alone
    }
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    manage(env, "migrate", "--no-input")
    manage(env, "createcachetable")
    sessions = manage(env, "shell", "-c", SIGNED_IN_SESSIONS).split()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        statuses: Counter[int] = Counter()
        lock = threading.Lock()
        deadline = time.monotonic() + SECONDS
        threads = [
            threading.Thread(target=client_loop, args=(base, session, deadline, statuses, lock))
            for session in sessions
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=SECONDS + 60)
    finally:
        server.terminate()
        _out, errors = server.communicate(timeout=20)
    assert sum(statuses.values()) >= CLIENTS, statuses
    assert not [code for code in statuses if code >= 500], (statuses, errors.decode()[-2000:])
    assert b"database is locked" not in errors
