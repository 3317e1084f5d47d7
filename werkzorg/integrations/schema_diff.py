"""What in a new OpenAPI schema breaks a client written against an older one.

Breaking: an operation removed; a new required parameter or request field; a response field removed
or of another type; a success status changed. Additions (operations, optional inputs, response
fields) break nobody. Each finding is one line, the exact text the changelog must carry to announce it.
"""

from __future__ import annotations

from typing import Any

METHODS = ("get", "post", "put", "patch", "delete")


def breaking_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for path, old_item in old.get("paths", {}).items():
        new_item = new.get("paths", {}).get(path, {})
        for method in METHODS:
            if method not in old_item:
                continue
            operation = f"{method.upper()} {path}"
            if method not in new_item:
                found.append(f"{operation}: removed")
                continue
            found += _inputs(operation, old, old_item[method], new, new_item[method])
            found += _outputs(operation, old, old_item[method], new, new_item[method])
    return found


def _inputs(
    operation: str, old: dict[str, Any], before: dict[str, Any], new: dict[str, Any], after: dict[str, Any]
) -> list[str]:
    found = []
    had = {(p["in"], p["name"]) for p in before.get("parameters", [])}
    for parameter in after.get("parameters", []):
        if parameter.get("required") and (parameter["in"], parameter["name"]) not in had:
            found.append(f"{operation}: new required parameter `{parameter['name']}`")
    old_body = _body(old, before.get("requestBody", {}))
    new_body = _body(new, after.get("requestBody", {}))
    for name in set(new_body.get("required", [])) - set(old_body.get("required", [])):
        found.append(f"{operation}: request field `{name}` now required")
    return found


def _outputs(
    operation: str, old: dict[str, Any], before: dict[str, Any], new: dict[str, Any], after: dict[str, Any]
) -> list[str]:
    found = []
    old_codes = {c for c in before.get("responses", {}) if c.startswith("2")}
    new_codes = {c for c in after.get("responses", {}) if c.startswith("2")}
    for code in sorted(old_codes - new_codes):
        found.append(f"{operation}: answer {code} no longer given")
    for code in sorted(old_codes & new_codes):
        was = response_fields(old, before["responses"][code])
        now = response_fields(new, after["responses"][code])
        for name, kind in sorted(was.items()):
            if name not in now:
                found.append(f"{operation}: response field `{name}` removed")
            elif now[name] != kind:
                found.append(f"{operation}: response field `{name}` changed from {kind} to {now[name]}")
    return found


def _resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = document["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _body(document: dict[str, Any], request_body: dict[str, Any]) -> dict[str, Any]:
    content = request_body.get("content", {})
    return _resolve(document, content.get("application/json", {}).get("schema", {}))


def response_fields(document: dict[str, Any], response: dict[str, Any]) -> dict[str, str]:
    """The fields a client reads in an answer, with their types (the API page shows them too)."""
    body = _resolve(document, response.get("content", {}).get("application/json", {}).get("schema", {}))
    if "results" in body.get("properties", {}):  # a page: the rows' fields are what a client reads
        body = _resolve(document, body["properties"]["results"].get("items", {}))
    elif body.get("type") == "array":
        body = _resolve(document, body.get("items", {}))
    return {name: _kind(document, prop) for name, prop in body.get("properties", {}).items()}


def _kind(document: dict[str, Any], node: dict[str, Any]) -> str:
    node = _resolve(document, node)
    return str(node.get("type", "object")) + (f"/{node['format']}" if "format" in node else "")
