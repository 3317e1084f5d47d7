"""Rules of docs/architecture.md that a reader cannot keep by eye: checked over the source tree."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_CODE = [
    p for p in (ROOT / "werkzorg").rglob("*.py") if "migrations" not in p.parts and "tests" not in p.parts
]
LOOKUPS = {"filter", "exclude", "get", "get_or_create", "update_or_create", "Q"}
TENANT_KEY = re.compile(r"^(.+__)?(organisation|provider)(_id)?$")


def tenant_filters(path: Path, root: Path = ROOT) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name in {"for_org", "for_provider"}:
            found.append(f"{path.relative_to(root)}:{node.lineno} {name}()")
        if name in LOOKUPS:
            keys = [k.arg for k in node.keywords if k.arg and TENANT_KEY.match(k.arg)]
            if name == "get_or_create" or name == "update_or_create":
                keys = [k for k in keys if k != "defaults"]
            found += [f"{path.relative_to(root)}:{node.lineno} {name}({k}=...)" for k in keys]
    return found


def test_no_tenant_filter_is_written_by_hand_outside_access() -> None:
    """Tenant reads go through werkzorg.access.scope(); demo data, which seeds tenants, is exempt."""
    offenders = [
        hit
        for path in APP_CODE
        if "access" not in path.relative_to(ROOT).parts[:2] and path.name != "demo.py"
        for hit in tenant_filters(path)
    ]
    assert not offenders, "Hand-written tenant filters (use access.scope / get_or_404):\n" + "\n".join(
        offenders
    )


def test_the_check_finds_a_hand_written_filter(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "Employee.objects.filter(organisation=actor.organisation, pk=1)\nQ(request__provider=x)\n"
    )
    assert len(tenant_filters(sample, root=tmp_path)) == 2


def test_rights_are_asked_of_access_not_of_django_flags() -> None:
    """No `is_staff` / `is_superuser` decisions outside access and the user model; templates ask only `can`."""
    flags = re.compile(r"\.is_staff\b|\.is_superuser\b")
    offenders = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in APP_CODE
        if p.parts[-2] not in {"access"} and p.name not in {"models.py", "admin.py", "demo.py"}
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if flags.search(line)
    ]
    templates = re.compile(r"is_staff|is_superuser|\.membership\b|physician_authorisation")
    offenders += [
        f"{p.relative_to(ROOT)}:{n}"
        for p in (ROOT / "werkzorg" / "templates").rglob("*.html")
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if templates.search(line)
    ]
    assert not offenders, "\n".join(offenders)


def test_numeric_dates_and_amounts_use_the_cheap_filters() -> None:
    """`|numeric_date`, `|long_date` and `|money` write the same text as these at a fraction of the cost
    (docs/architecture.md)."""
    slow = re.compile(r'\|date:"([djmnY\W]*|j F Y)"|\|floatformat:"2g"')
    offenders = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in (ROOT / "werkzorg").rglob("templates/**/*.html")
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if slow.search(line)
    ]
    assert not offenders, "\n".join(offenders)


def test_no_python_file_is_over_400_lines() -> None:
    long = [f"{p.relative_to(ROOT)}: {n}" for p in APP_CODE if (n := len(p.read_text().splitlines())) > 400]
    assert not long, long


def test_the_repository_refers_to_nothing_outside_it() -> None:
    outside = re.compile(r"\.\./shared|\bseed \d{3}\b|\bseeds?/")
    files = [*APP_CODE, *(ROOT / "docs").rglob("*.md"), ROOT / "README.md", *(ROOT / "config").rglob("*.py")]
    files += list((ROOT / "werkzorg" / "templates").rglob("*.html"))
    offenders = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in files
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if outside.search(line)
    ]
    assert not offenders, offenders
