"""Print the demo users' current second-factor code, instantly (no Django start-up):

    .venv/bin/python -m werkzorg.accounts.demo_totp

The demo secret is public and for `make run` only (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time

DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str = DEMO_TOTP_SECRET, at: float | None = None) -> str:
    key = base64.b32decode(secret)
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


if __name__ == "__main__":
    print(totp_code())
