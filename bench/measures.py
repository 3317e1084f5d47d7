"""What the bench measures: the pages with their baselines and query counts, and the in-process scenarios."""

from __future__ import annotations

import csv
import io
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook

from bench.baselines import dashboard_sql
from bench.load import Call
from werkzorg.access import resolve_actor
from werkzorg.core.importer import Importer
from werkzorg.core.tabular import Table
from werkzorg.employees import services as employee_services
from werkzorg.employees.forms import EMPLOYEE_FIELDS
from werkzorg.employees.models import Employee
from werkzorg.interventions import queries as intervention_queries
from werkzorg.interventions.models import InterventionRequest
from werkzorg.organisations.models import Membership

PAGE_SHARE = 0.7
PAGE_P99_MS = 250.0
SEARCH = "achternaam12 voornaam"


@dataclass(frozen=True)
class Page:
    name: str
    paths: dict[str, str]  # by organisation slug: the large and the small employer
    baseline: str
    rows: Callable[[dict[str, int]], int]
    method: str = "GET"
    body: str | None = None
    share: float = PAGE_SHARE
    p99_limit: float | None = PAGE_P99_MS

    def call(self, cookies: dict[str, str]) -> Call:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
        if self.method == "POST":
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "X-CSRFToken": cookies[settings.CSRF_COOKIE_NAME],
                "HX-Request": "true",
            }
        return Call(self.method, self.paths["bench"], headers, self.body)

    def baseline_call(self, cookies: dict[str, str]) -> Call:
        return Call("GET", self.baseline, {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())})


def pages(superusers: dict[str, Membership]) -> list[Page]:
    def first_employee(slug: str) -> int:
        return Employee.objects.filter(organisation_id=superusers[slug].organisation_id).order_by("pk")[0].pk

    def first_request(slug: str) -> int:
        found = InterventionRequest.objects.filter(organisation_id=superusers[slug].organisation_id)
        return found.order_by("pk")[0].pk

    slugs = list(superusers)
    employee = {slug: first_employee(slug) for slug in slugs}
    request = {slug: first_request(slug) for slug in slugs}
    return [
        Page("organisations.home", {s: f"/o/{s}/" for s in slugs}, "/bench/home/", lambda _: 1),
        Page("employees.list", {s: f"/o/{s}/medewerkers/" for s in slugs}, "/bench/medewerkers/", _employees),
        Page(
            "employees.search",
            {s: f"/o/{s}/medewerkers/" for s in slugs},
            f"/bench/medewerkers/zoeken/?q={SEARCH.replace(' ', '+')}",
            _employees,
            method="POST",
            body=f"q={SEARCH.replace(' ', '+')}&toon=in-dienst",
        ),
        Page(
            "employees.detail",
            {s: f"/o/{s}/medewerkers/{employee[s]}/" for s in slugs},
            f"/bench/medewerkers/{employee['bench']}/",
            lambda _: 1,
        ),
        Page(
            "interventions.list",
            {s: f"/o/{s}/interventies/" for s in slugs},
            "/bench/interventies/",
            _requests,
        ),
        Page(
            "interventions.detail",
            {s: f"/o/{s}/interventies/{request[s]}/" for s in slugs},
            f"/bench/interventies/{request['bench']}/",
            lambda _: 1,
        ),
        Page("accounts.users", {s: f"/o/{s}/gebruikers/" for s in slugs}, "/bench/gebruikers/", _members),
        # The dashboard is held to its aggregate in plain SQL (in-process, "dashboard" below); under load
        # its page is measured against the same SQL behind the server, with the same 1.5x allowance.
        Page(
            "interventions.dashboard",
            {s: f"/o/{s}/dashboard/" for s in slugs},
            "/bench/dashboard/",
            _requests,
            share=1 / 1.5,
            p99_limit=None,
        ),
    ]


def _employees(scale: dict[str, int]) -> int:
    return scale["employees"]


def _requests(scale: dict[str, int]) -> int:
    return scale["requests"]


def _members(scale: dict[str, int]) -> int:
    return scale["members"]


def query_counts(all_pages: list[Page]) -> dict[str, tuple[int, int]]:
    """Statements per page for the large and the small employer (signed in, after a first visit)."""
    clients = {}
    for slug in ("bench", "bench-small"):
        client = Client()
        client.force_login(
            Membership.objects.get(organisation__slug=slug, user__full_name="Bench Gebruiker").user
        )
        clients[slug] = client
    counts = {}
    for page in all_pages:
        found = []
        for slug, client in clients.items():
            send = client.post if page.method == "POST" else client.get
            extra = {"data": dict(_form(page.body))} if page.body else {}
            send(page.paths[slug], **extra, HTTP_HX_REQUEST="true" if page.method == "POST" else "")
            with CaptureQueriesContext(connection) as captured:
                response = send(
                    page.paths[slug], **extra, HTTP_HX_REQUEST="true" if page.method == "POST" else ""
                )
            assert response.status_code == 200, (page.name, slug, response.status_code)
            found.append(len(captured.captured_queries))
        counts[page.name] = (found[0], found[1])
    return counts


def _form(body: str) -> list[tuple[str, str]]:
    from urllib.parse import parse_qsl

    return parse_qsl(body)


def sign_in(user: Any) -> dict[str, str]:
    client = Client()
    client.force_login(user)
    return {
        settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value,
        settings.CSRF_COOKIE_NAME: _get_new_csrf_string(),
    }


def _seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def compare(
    name: str,
    value: Callable[[], object],
    baseline: Callable[[], object],
    rows: int,
    repeat: int,
    warm_up: bool = True,
) -> dict[str, Any]:
    if warm_up:  # both, once: caches, the planner, imports
        value()
        baseline()
    # Turn about, as the pages do: a passing disturbance (autovacuum after the loads, the buffer cache
    # holding another scenario's tables) then hits both sides instead of whichever ran second.
    timings: list[tuple[float, float]] = [(_seconds(baseline), _seconds(value)) for _ in range(repeat)]
    base = statistics.median(b for b, _v in timings)
    measured = statistics.median(v for _b, v in timings)
    print(f"   {name}: {measured:.3f} s vs {base:.3f} s", flush=True)
    return {
        "value": round(measured, 4),
        "baseline": round(base, 4),
        "ratio": round(measured / base, 3) if base else 0.0,
        "unit": "seconds (ratio: time against the baseline's)",
        "rows": rows,
    }


def in_process(
    superuser: Membership, scale: dict[str, int], chosen: Callable[[str], bool]
) -> dict[str, dict[str, Any]]:
    actor = resolve_actor(superuser.user, superuser.organisation.slug)
    organisation_id = superuser.organisation_id
    employees = Employee.objects.filter(organisation_id=organisation_id).order_by("employee_number")

    def openpyxl_write_only() -> bytes:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Medewerkers")
        sheet.append(employee_services.EXPORT_HEADER)
        for row in employees.values_list(*EMPLOYEE_FIELDS).iterator(chunk_size=2000):
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    def csv_module() -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(employee_services.EXPORT_HEADER)
        writer.writerows(employees.values_list(*EMPLOYEE_FIELDS).iterator(chunk_size=2000))
        return buffer.getvalue().encode("utf-8-sig")

    scenarios: dict[str, Callable[[], dict[str, Any]]] = {
        "dashboard": lambda: compare(
            "dashboard",
            lambda: intervention_queries.dashboard(actor),
            lambda: dashboard_sql(organisation_id),
            scale["requests"],
            repeat=5,
        ),
        "export.xlsx": lambda: compare(
            "export.xlsx",
            lambda: employee_services.export_employees(actor=actor),
            openpyxl_write_only,
            scale["employees"],
            repeat=2,
        ),
        "export.csv": lambda: compare(
            "export.csv",
            lambda: employee_services.export_employees(actor=actor, file_format="csv"),
            csv_module,
            scale["employees"],
            repeat=3,
        ),
        "import": lambda: _import(actor, organisation_id, scale["employees"]),
    }
    return {name: run() for name, run in scenarios.items() if chosen(name)}


def _import(actor: Any, organisation_id: int, count: int) -> dict[str, Any]:
    """A file of `count` new people, as an HR system writes it; both sides are rolled back afterwards."""
    header = employee_services.EXPORT_HEADER  # the headings the import reads back
    departments = ["Bakkerij", "Logistiek", "Winkels", "Kantoor"]
    rows = [
        (
            n + 2,
            dict(
                zip(
                    header,
                    [
                        f"N{n:07d}",
                        f"Nieuw{n}",
                        "van" if n % 9 == 0 else "",
                        f"Instroom{n % 1500}",
                        f"nieuw{n}@example.nl",
                        f"06 {10000000 + n}",
                        f"{1 + n % 28:02d}-{1 + n % 12:02d}-{1960 + n % 40}",
                        departments[n % 4],
                        f"01-{1 + n % 12:02d}-2024",
                        "",
                    ],
                    strict=True,
                )
            ),
        )
        for n in range(count)
    ]
    table = Table(header=header, rows=rows)
    validated, report = Importer(employee_services.EMPLOYEE_IMPORT_COLUMNS).validate(table)
    assert report.ok, report.errors[:3]

    def value() -> None:
        with transaction.atomic():
            outcome = employee_services.import_employees(actor=actor, table=table)
            assert outcome.ok and outcome.created == count, outcome.errors[:3]
            transaction.set_rollback(True)

    def baseline() -> None:
        objects = [Employee(organisation_id=organisation_id, **data) for data in validated]
        with transaction.atomic():
            Employee.objects.bulk_create(objects, batch_size=2000)
            transaction.set_rollback(True)

    result = compare("import", value, baseline, count, repeat=1, warm_up=False)
    result["unit"] = "seconds (ratio: time against bulk_create's of the validated rows)"
    return result
