"""The rights matrix's format: each app states, in `<app>/tests/rights.py`, the outcome of every one of
its URLs for every persona and method, as a table a reader can check against docs/domain.md.

    url name                 method anon sup ins inv req rep abs umg oth prv phy desk
    organisations:home       GET    302  200 200 200 200 200 200 200 404 404 200 404

Columns: anon(ymous), sup(eruser of Acme), the role personas ins(urance), inv(oices), req(uester),
rep(orts), abs(ence), umg (user manager: invite + assign roles + request), oth (superuser of another
employer), prv (care provider), phy (authorised physician), desk (operator staff, also a Django
superuser). A POST is sent without a body; its outcome is what a forged or empty form meets.
"""

from __future__ import annotations

COLUMNS = ("anon", "sup", "ins", "inv", "req", "rep", "abs", "umg", "oth", "prv", "phy", "desk")
PERSONA_OF_COLUMN = {
    "anon": "anonymous",
    "sup": "superuser",
    "ins": "insurance",
    "inv": "invoices",
    "req": "requester",
    "rep": "reports",
    "abs": "absence",
    "umg": "user_manager",
    "oth": "other_superuser",
    "prv": "provider",
    "phy": "physician",
    "desk": "desk",
}


def parse(table: str) -> dict[tuple[str, str], dict[str, int]]:
    """`url name, method` -> persona -> status code."""
    expected: dict[tuple[str, str], dict[str, int]] = {}
    for line in table.strip().splitlines():
        cells = line.split()
        if not cells or cells[0] in {"url", "#"}:
            continue
        name, method, *codes = cells
        if len(codes) != len(COLUMNS) or method not in {"GET", "POST"}:
            raise ValueError(f"bad rights row: {line!r}")
        if (name, method) in expected:
            raise ValueError(f"rights row twice: {name} {method}")
        expected[(name, method)] = {
            PERSONA_OF_COLUMN[c]: int(code) for c, code in zip(COLUMNS, codes, strict=True)
        }
    return expected
