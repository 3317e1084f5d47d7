"""The API's OpenAPI schema as a readable page: every operation with its parameters and answer fields."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from drf_spectacular.generators import SchemaGenerator

from werkzorg.integrations.schema_diff import response_fields


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    parameters: list[dict[str, Any]] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)


@functools.cache
def schema() -> dict[str, Any]:
    """Generated once per process: the schema changes only with the code."""
    return SchemaGenerator().get_schema(request=None, public=True)


def operations() -> list[Operation]:
    document = schema()
    found = []
    for path, methods in document.get("paths", {}).items():
        for method, spec in methods.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            found.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    summary=(spec.get("description") or spec.get("summary") or "").strip(),
                    parameters=[
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "description": p.get("description", ""),
                        }
                        for p in spec.get("parameters", [])
                    ],
                    fields=_answer_fields(document, spec),
                )
            )
    return found


def _answer_fields(document: dict[str, Any], spec: dict[str, Any]) -> list[tuple[str, str]]:
    responses = spec.get("responses", {})
    code = next((c for c in ("200", "201") if c in responses), None)
    return list(response_fields(document, responses[code]).items()) if code else []
