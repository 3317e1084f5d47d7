"""What kinds of job exist: each app registers its runners (an export, an import) at start-up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from werkzorg.access import Actor, Perm

# progress(done, total) may be called as often as the runner likes; it writes at most every few hundred rows.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Result:
    """A file to download (an export) and/or a report to show (an import)."""

    filename: str = ""
    content: bytes = b""
    report: dict[str, Any] | None = None
    ok: bool = True


@dataclass(frozen=True)
class JobKind:
    name: str
    perm: Perm
    run: Callable[[Actor, dict[str, Any], bytes, Progress], Result]


_kinds: dict[str, JobKind] = {}


def register(kind: JobKind) -> None:
    _kinds[kind.name] = kind


def kind(name: str) -> JobKind:
    return _kinds[name]
