from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Tenancy:
    """How a model's rows belong to tenants; `werkzorg.access.scope()` reads this and nothing else.

    organisation: the lookup to the owning employer (or provider, for its own data).
    provider: the lookup to a care provider that receives the row, with the condition under which it may.
    owner: the lookup to the user who made the row; others see it only with `all_rows_perm`.
    collectivity: the lookup to the collectivity (insurance contract) of the row: a member whose insurance
    role is limited to some collectivities sees only their rows.
    medical: medical detail (notes, analyses, medical documents): no row without the medical permission,
    which only an authorised occupational physician holds; no employer role, desk or superuser flag gives it.
    """

    organisation: str = "organisation"
    provider: str | None = None
    provider_condition: Mapping[str, Any] = field(default_factory=dict)
    owner: str | None = None
    all_rows_perm: str | None = None
    collectivity: str | None = None
    medical: bool = False
