"""The API's contract: no unannounced breaking change against the released v1 schema, and the diff itself
judged on small schemas written out by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from werkzorg.integrations.docs import schema as generated_schema
from werkzorg.integrations.schema_diff import breaking_changes

ROOT = Path(__file__).resolve().parent.parent
RELEASED = ROOT / "docs" / "api" / "openapi-v1.yaml"
CHANGELOG = ROOT / "docs" / "api-changelog.md"


def test_every_breaking_change_against_the_released_schema_is_announced() -> None:
    released = yaml.safe_load(RELEASED.read_text())
    announced = CHANGELOG.read_text()
    unannounced = [
        change for change in breaking_changes(released, generated_schema()) if change not in announced
    ]
    assert not unannounced, (
        "Breaking API changes not announced in docs/api-changelog.md (add each line under 'Unreleased', "
        "or keep the API compatible):\n" + "\n".join(f"- Breaking: {c}" for c in unannounced)
    )


def document(
    fields: dict[str, Any], *, parameters: list[dict[str, Any]] | None = None, status: str = "200"
) -> dict[str, Any]:
    return {
        "paths": {
            "/x/": {
                "get": {
                    "parameters": parameters or [],
                    "responses": {
                        status: {
                            "content": {
                                "application/json": {"schema": {"type": "object", "properties": fields}}
                            }
                        }
                    },
                }
            }
        }
    }


BASE = document({"id": {"type": "integer"}, "name": {"type": "string"}})


def test_additions_break_nobody() -> None:
    grown = document(
        {"id": {"type": "integer"}, "name": {"type": "string"}, "email": {"type": "string"}},
        parameters=[{"in": "query", "name": "q", "required": False}],
    )
    grown["paths"]["/y/"] = {"get": {"responses": {}}}
    assert breaking_changes(BASE, grown) == []


def test_each_kind_of_break_is_named() -> None:
    assert breaking_changes(BASE, {"paths": {}}) == ["GET /x/: removed"]
    assert breaking_changes(BASE, document({"id": {"type": "integer"}})) == [
        "GET /x/: response field `name` removed"
    ]
    assert breaking_changes(BASE, document({"id": {"type": "string"}, "name": {"type": "string"}})) == [
        "GET /x/: response field `id` changed from integer to string"
    ]
    required = document(
        {"id": {"type": "integer"}, "name": {"type": "string"}},
        parameters=[{"in": "query", "name": "org", "required": True}],
    )
    assert breaking_changes(BASE, required) == ["GET /x/: new required parameter `org`"]
    created = document({"id": {"type": "integer"}, "name": {"type": "string"}}, status="201")
    assert breaking_changes(BASE, created) == ["GET /x/: answer 200 no longer given"]
