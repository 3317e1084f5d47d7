"""Encryption of sensitive fields at rest, with keys of their own (not SECRET_KEY) and rotation.

FIELD_ENCRYPTION_KEYS lists Fernet keys: the first encrypts, all decrypt. To rotate: put a new key first,
keep the old ones after it, run `manage.py rotate_encryption_keys`, then drop the old keys.
Apps register how to re-encrypt their own fields (`register_rotation`); see docs/operations.md.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings

_rotations: dict[str, Callable[[], int]] = {}


@lru_cache(maxsize=4)
def _cipher(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in keys])


def cipher() -> MultiFernet:
    return _cipher(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(text: str) -> str:
    return cipher().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    return cipher().decrypt(token.encode()).decode()


def reencrypt(token: str) -> str:
    """The same secret under the first (newest) key."""
    return cipher().rotate(token.encode()).decode()


def register_rotation(name: str, rotate: Callable[[], int]) -> None:
    """`rotate()` re-encrypts every value of one kind and returns how many it did."""
    _rotations[name] = rotate


def rotate_all() -> dict[str, int]:
    return {name: rotate() for name, rotate in sorted(_rotations.items())}
