"""The API's OpenAPI schema as a readable page: every operation with its parameters and answer fields."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from drf_spectacular.generators import SchemaGenerator


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
    for code in ("200", "201"):
        content = spec.get("responses", {}).get(code, {}).get("content", {})
        body = content.get("application/json", {}).get("schema", {})
        resolved = _resolve(document, body)
        if "properties" in resolved and "results" in resolved["properties"]:  # a page of a list
            resolved = _resolve(document, resolved["properties"]["results"].get("items", {}))
        elif resolved.get("type") == "array":
            resolved = _resolve(document, resolved.get("items", {}))
        return [(name, _type(document, prop)) for name, prop in resolved.get("properties", {}).items()]
    return []


def _resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = document["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _type(document: dict[str, Any], node: dict[str, Any]) -> str:
    node = _resolve(document, node)
    kind = node.get("format") or node.get("type") or ("choice" if "enum" in node else "object")
    return f"{kind}, {'optional' if node.get('nullable') else 'always'}" if "nullable" in node else str(kind)
