"""`make bench`: generate data, measure each scenario and its baseline in the same run, write bench/last.json.

Runs on the database DATABASE_URL names (in a throw-away test database beside it). BENCH_SCALE=small
for a quick run. Scenarios are whole page requests through Django's test client; each baseline is the
bare query that fetches the same rows, so the ratio shows what the page adds on top.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

SCALES = {
    "small": {"employees": 2_000, "members": 50, "requests": 2_000},
    "default": {"employees": 100_000, "members": 500, "requests": 100_000},
}
REPEAT = 7


def measure(action: Callable[[], object]) -> tuple[float, int]:
    action()  # warm up
    timings = []
    executed: list[str] = []

    def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        action()
    for _ in range(REPEAT):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings), len(executed)


def main() -> None:
    scale_name = os.environ.get("BENCH_SCALE", "default")
    scale = SCALES[scale_name]
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        results = run(scale)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    width = max(len(k) for k in results)
    print(f"{'scenario'.ljust(width)}  {'value (s)':>10}  {'baseline (s)':>12}  {'ratio':>7}  queries  rows")
    for name, row in results.items():
        timing = f"{row['value']:>10.4f}  {row['baseline']:>12.4f}  {row['ratio']:>7.1f}"
        print(f"{name.ljust(width)}  {timing}  {row['queries']:>7}  {row['rows']}")
    out = Path(__file__).resolve().parent / "last.json"
    out.write_text(json.dumps(results, indent=2))
    print(f"written: {out} (scale {scale_name}, {connection.vendor})")


def run(scale: dict[str, int]) -> dict[str, dict[str, float | int]]:
    from tests.factories import MembershipFactory
    from werkzorg.employees.models import Employee
    from werkzorg.organisations.models import Membership

    membership = MembershipFactory(superuser=True, organisation__slug="bench")
    org = membership.organisation
    Employee.objects.bulk_create(
        [
            Employee(
                organisation=org,
                employee_number=f"{n:07d}",
                first_name=f"Voornaam{n}",
                last_name=f"Achternaam{n % 997}",
            )
            for n in range(scale["employees"])
        ],
        batch_size=5_000,
    )
    MembershipFactory.create_batch(scale["members"], organisation=org, role_reports=True)
    client = Client()
    client.force_login(membership.user)
    results: dict[str, dict[str, float | int]] = {}

    def record(name: str, page: Callable[[], object], baseline: Callable[[], object], rows: int) -> None:
        value, queries = measure(page)
        base, _ = measure(baseline)
        results[name] = {
            "value": value,
            "baseline": base,
            "ratio": value / base if base else 0.0,
            "queries": queries,
            "rows": rows,
        }

    record(
        "employees.list",
        lambda: client.get("/o/bench/medewerkers/"),
        lambda: list(
            Employee.objects.filter(organisation=org).order_by("last_name", "first_name", "pk")[:50]
        ),
        scale["employees"],
    )
    record(
        "employees.search",
        lambda: client.get("/o/bench/medewerkers/?q=Achternaam12"),
        lambda: list(Employee.objects.filter(organisation=org, last_name__icontains="Achternaam12")[:50]),
        scale["employees"],
    )
    record(
        "organisations.users",
        lambda: client.get("/o/bench/gebruikers/"),
        lambda: list(Membership.objects.filter(organisation=org).select_related("user")),
        scale["members"],
    )
    _interventions(org, membership.user, client, scale["requests"], record)
    return results


def _interventions(org, user, client, count, record):  # type: ignore[no-untyped-def]
    import datetime
    from decimal import Decimal

    from django.db.models import Count, F
    from django.utils import timezone

    from tests.factories import OrganisationFactory
    from werkzorg.interventions.models import Intervention, InterventionRequest
    from werkzorg.organisations.models import Collectivity, OrganisationKind

    provider = OrganisationFactory(kind=OrganisationKind.PROVIDER, slug="bench-provider")
    collectivity = Collectivity.objects.create(
        organisation=org, customer_number="9", collectivity_number="9", name="c"
    )
    items = []
    for n, category in enumerate(["mental", "physical", "lifestyle", "training", "workshop"]):
        item = Intervention.objects.create(
            title=f"Interventie {n}",
            category=category,
            summary="s",
            description="d",
            price_excl_vat=Decimal("100"),
            sessions=3,
            duration_weeks=4,
            delivery="both",
        )
        item.providers.set([provider])
        items.append(item)
    now = timezone.now()
    statuses = [
        "awaiting_consent",
        "forwarded",
        "contacted",
        "planned",
        "in_treatment",
        "completed",
        "cancelled",
    ]
    batch = []
    for n in range(count):
        created = now - datetime.timedelta(hours=n % 8000)
        consented = created + datetime.timedelta(hours=20) if n % 7 else None
        batch.append(
            InterventionRequest(
                number=f"IVB-{n:07d}",
                organisation=org,
                collectivity=collectivity,
                intervention=items[n % 5],
                provider=provider,
                category=items[n % 5].category,
                requested_by=user,
                status=statuses[n % 7],
                consent_due_at=created,
                submit_token=f"b{n}",
                consented_at=consented,
                forwarded_at=consented,
                first_appointment_at=consented + datetime.timedelta(days=4) if consented else None,
            )
        )
        if len(batch) == 5_000:
            InterventionRequest.objects.bulk_create(batch)
            batch = []
    InterventionRequest.objects.bulk_create(batch)
    InterventionRequest.objects.filter(organisation=org).update(
        created_at=F("consent_due_at")
    )  # spread over time
    record(
        "interventions.list",
        lambda: client.get("/o/bench/interventies/"),
        lambda: list(
            InterventionRequest.objects.filter(organisation=org)
            .select_related("intervention", "provider")
            .order_by("-created_at", "-pk")[:25]
        ),
        count,
    )
    record(
        "interventions.dashboard",
        lambda: client.get("/o/bench/dashboard/"),
        lambda: list(
            InterventionRequest.objects.filter(organisation=org).values("status").annotate(n=Count("id"))
        ),
        count,
    )


if __name__ == "__main__":
    main()
