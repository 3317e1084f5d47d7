"""The collective insurance at the size of a large employer: one collectivity of BENCH_SCALE's employees
count of insured people (and one of 1,000 at the small employer, for query counts), two issued months.

In process, each scenario against a same-run baseline doing the same work directly (one SQL aggregate,
openpyxl's write-only mode, the csv module); under gunicorn, the list, a filter ("who left in
February"), a person and a statement against minimal signed-in pages fetching the same rows."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import QuerySet, Sum
from django.http import HttpRequest, HttpResponse
from openpyxl import Workbook

from bench.baselines import bare_page, capped_count, organisation_id_of
from bench.measures import Page
from werkzorg.access import resolve_actor
from werkzorg.core import crypto
from werkzorg.core.bulk import insert_all
from werkzorg.insurance import services
from werkzorg.insurance.models import (
    ContractPrice,
    Coverage,
    InsuranceContract,
    InsuredPerson,
    Mutation,
    Product,
    Statement,
    StatementLine,
)
from werkzorg.insurance.services.exports import SHORT_COLUMNS
from werkzorg.insurance.services.statements import issue_statement
from werkzorg.organisations.models import Collectivity, Membership

JANUARY, FEBRUARY, MARCH = datetime.date(2026, 1, 1), datetime.date(2026, 2, 1), datetime.date(2026, 3, 1)
CONFIRMED = datetime.datetime(2025, 12, 15, 9, 0, tzinfo=datetime.UTC)


def load(superuser: Membership, count: int) -> InsuranceContract:
    """`count` policyholders with the basic product, a tenth leaving in February; January and February issued."""
    organisation = superuser.organisation
    collectivity = Collectivity.objects.create(
        organisation=organisation,
        customer_number="77",
        collectivity_number=f"77{organisation.pk}",
        name="Groot",
    )
    contract = InsuranceContract.objects.create(collectivity=collectivity, start_date=JANUARY)
    product, _ = Product.objects.get_or_create(code="BENCH", defaults={"name": "Basis", "kind": "basic"})
    ContractPrice.objects.create(
        contract=contract,
        product=product,
        valid_from=JANUARY,
        monthly_premium=Decimal("150.00"),
        employer_contribution=Decimal("10.00"),
    )
    secret = crypto.encrypt("111222333")  # one ciphertext for all: the bench measures no decryption
    people = [
        InsuredPerson(
            organisation=organisation,
            collectivity=collectivity,
            policy_number=f"{10**8 + n}",
            relation="policyholder",
            first_name=f"Voornaam{n}",
            last_name=f"Achternaam{n % 997}",
            date_of_birth=datetime.date(1960 + n % 40, 1 + n % 12, 1 + n % 28),
            bsn_encrypted=secret,
            employee_number=f"{n:07d}",
            start_date=JANUARY,
            end_date=datetime.date(2026, 2, 14) if n % 10 == 0 else None,
            search_text=f"{10**8 + n} {n:07d} voornaam{n} achternaam{n % 997}",
            confirmed_at=None if n % 5000 == 1 else CONFIRMED,  # a few new members still to check
        )
        for n in range(count)
    ]
    insert_all(InsuredPerson, people)
    ids = InsuredPerson.objects.filter(collectivity=collectivity).values_list("pk", "end_date")
    insert_all(
        Coverage,
        [Coverage(insured_id=pk, product=product, start_date=JANUARY, end_date=end) for pk, end in ids],
    )
    for month in (JANUARY, FEBRUARY):
        with transaction.atomic():
            issue_statement(actor=None, contract=contract, month=month)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return contract


def statement_sql(collectivity_id: int, month: datetime.date) -> list[Any]:
    """The regular lines' totals of a month in one aggregate: whole months at the month's price."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), sum(p.monthly_premium), sum(p.employer_contribution) "
            "FROM insurance_insuredperson i JOIN insurance_coverage c ON c.insured_id = i.id "
            "JOIN insurance_insurancecontract k ON k.collectivity_id = i.collectivity_id "
            "JOIN insurance_contractprice p ON p.contract_id = k.id AND p.product_id = c.product_id "
            "WHERE i.collectivity_id = %s AND i.start_date <= %s AND (i.end_date IS NULL OR i.end_date >= %s)",
            [collectivity_id, month, month],
        )
        return list(cursor.fetchall())


def insert_lines_sql(statement_id: int, collectivity_id: int, month: datetime.date) -> None:
    """The simplest statement a database can write: whole months at the month's price, names copied."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO insurance_statementline (statement_id, insured_id, holder_policy_number, "
            "holder_employee_number, holder_name, policy_number, name, relation, product_id, period, kind, "
            "days, premium, contribution, withheld) "
            "SELECT %s, i.id, i.policy_number, i.employee_number, i.last_name, i.policy_number, i.last_name, "
            "i.relation, c.product_id, %s, 'regular', 31, p.monthly_premium, p.employer_contribution, "
            "p.monthly_premium - p.employer_contribution "
            "FROM insurance_insuredperson i JOIN insurance_coverage c ON c.insured_id = i.id "
            "JOIN insurance_insurancecontract k ON k.collectivity_id = i.collectivity_id "
            "JOIN insurance_contractprice p ON p.contract_id = k.id AND p.product_id = c.product_id "
            "WHERE i.collectivity_id = %s AND i.start_date <= %s AND (i.end_date IS NULL OR i.end_date >= %s)",
            [statement_id, month, collectivity_id, month, month],
        )
        cursor.execute(
            "SELECT sum(premium), sum(contribution), count(*) FROM insurance_statementline "
            "WHERE statement_id = %s",
            [statement_id],
        )


def _constraints_now() -> None:
    """Foreign keys are checked at commit; the bench rolls back, so it has them checked at once instead."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def differences_sql(collectivity_id: int, first: datetime.date, second: datetime.date) -> list[Any]:
    """The page's rows: per person and product, the two months' premiums where they differ, in name order."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT l.policy_number, l.name, p.name, "
            "sum(CASE WHEN l.period = %s THEN l.premium ELSE 0 END) AS before, "
            "sum(CASE WHEN l.period = %s THEN l.premium ELSE 0 END) AS after "
            "FROM insurance_statementline l JOIN insurance_statement s ON s.id = l.statement_id "
            "JOIN insurance_product p ON p.id = l.product_id WHERE s.collectivity_id = %s "
            "AND s.month IN (%s, %s) AND l.kind = 'regular' GROUP BY l.policy_number, l.name, p.name "
            "HAVING sum(CASE WHEN l.period = %s THEN l.premium ELSE 0 END) "
            "<> sum(CASE WHEN l.period = %s THEN l.premium ELSE 0 END) ORDER BY l.name, l.policy_number, p.name",
            [first, second, collectivity_id, first, second, first, second],
        )
        return list(cursor.fetchall())


def scenarios(
    superuser: Membership, contract: InsuranceContract, compare: Callable[..., dict[str, Any]], count: int
) -> dict[str, Callable[[], dict[str, Any]]]:
    actor = resolve_actor(superuser.user, superuser.organisation.slug)
    collectivity_id = contract.collectivity_id
    february = Statement.objects.get(collectivity_id=collectivity_id, month=FEBRUARY)
    columns = list(SHORT_COLUMNS)
    fields = [SHORT_COLUMNS[c][1] for c in columns]
    people = InsuredPerson.objects.filter(collectivity_id=collectivity_id).order_by(
        "last_name", "first_name", "pk"
    )

    def issue_march() -> None:
        with transaction.atomic():
            _constraints_now()
            issue_statement(actor=None, contract=contract, month=MARCH)
            transaction.set_rollback(True)

    def insert_march() -> None:
        with transaction.atomic():
            _constraints_now()
            statement = Statement.objects.create(
                collectivity_id=collectivity_id,
                number="BENCH-MARCH",
                month=MARCH,
                total_premium=0,
                total_contribution=0,
                total_withheld=0,
            )
            insert_lines_sql(statement.pk, collectivity_id, MARCH)
            transaction.set_rollback(True)

    def openpyxl_write_only() -> bytes:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Verzekerden")
        sheet.append([SHORT_COLUMNS[c][0] for c in columns])
        for row in people.values_list(*fields).iterator(chunk_size=2000):
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    def payroll_csv_module() -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(
            ["werknemersnummer", "polisnummer", "naam", "premie", "werkgeversbijdrage", "inhouding"]
        )
        writer.writerows(
            (
                row["holder_employee_number"],
                row["holder_policy_number"],
                row["holder_name"],
                *(f"{row[key]:.2f}".replace(".", ",") for key in ("premium", "contribution", "withheld")),
            )
            for row in services.policyholder_totals(february)
        )
        return buffer.getvalue().encode("utf-8-sig")

    return {
        "insurance.statement": lambda: compare(
            "insurance.statement", issue_march, insert_march, count, repeat=3
        ),
        "insurance.statement.aggregate": lambda: compare(
            "insurance.statement.aggregate",
            issue_march,
            lambda: statement_sql(collectivity_id, MARCH),
            count,
            repeat=3,
        ),
        "insurance.export.xlsx": lambda: compare(
            "insurance.export.xlsx",
            lambda: services.export_short_list(actor=actor, filters={}, columns=columns, file_format="xlsx"),
            openpyxl_write_only,
            count,
            repeat=2,
        ),
        "insurance.payroll": lambda: compare(
            "insurance.payroll",
            lambda: services.make_payroll_file(
                actor=actor, statement_id=february.pk, profile_name="generic", options={}
            ),
            payroll_csv_module,
            count,
            repeat=2,
        ),
        "insurance.reconciliation": lambda: compare(
            "insurance.reconciliation",
            lambda: services.prolongation_differences(
                actor=actor, contract=contract, first=JANUARY, second=FEBRUARY
            ),
            lambda: differences_sql(collectivity_id, JANUARY, FEBRUARY),
            count,
            repeat=3,
        ),
    }


LEFT_IN_FEBRUARY = "left_in=2026-02"


def pages(superusers: dict[str, Membership], contracts: dict[str, InsuranceContract]) -> list[Page]:
    slugs = list(superusers)
    person = {
        slug: InsuredPerson.objects.filter(collectivity_id=contracts[slug].collectivity_id)
        .order_by("pk")[0]
        .pk
        for slug in slugs
    }
    february = {
        slug: Statement.objects.get(collectivity_id=contracts[slug].collectivity_id, month=FEBRUARY).pk
        for slug in slugs
    }
    people = lambda scale: scale["employees"]  # noqa: E731
    return [
        Page("insurance.list", {s: f"/o/{s}/verzekerden/" for s in slugs}, "/bench/verzekerden/", people),
        Page(
            "insurance.filter",
            {s: f"/o/{s}/verzekerden/?{LEFT_IN_FEBRUARY}" for s in slugs},
            f"/bench/verzekerden/?{LEFT_IN_FEBRUARY}",
            people,
        ),
        Page(
            "insurance.detail",
            {s: f"/o/{s}/verzekerden/{person[s]}/" for s in slugs},
            f"/bench/verzekerden/{person['bench']}/",
            lambda _: 1,
        ),
        Page(
            "insurance.statement.page",
            {s: f"/o/{s}/borderellen/{february[s]}/" for s in slugs},
            f"/bench/borderellen/{february['bench']}/",
            people,
        ),
    ]


# The baselines: the same rows as the portal's pages (scope, filter, order, page size, capped count).
INSURED_ROW = (
    "pk",
    "first_name",
    "name_prefix",
    "last_name",
    "policy_number",
    "employee_number",
    "relation",
    "date_of_birth",
    "collectivity__name",
    "start_date",
    "end_date",
)


def _insured(request: HttpRequest) -> QuerySet[InsuredPerson]:
    return InsuredPerson.objects.filter(organisation_id=organisation_id_of(request))


def insured_list(request: HttpRequest) -> HttpResponse:
    people = _insured(request)
    if request.GET.get("left_in"):
        people = people.filter(end_date__range=(FEBRUARY, datetime.date(2026, 2, 28)))
    rows = people.order_by("last_name", "first_name", "pk").values_list(*INSURED_ROW)[:50]
    to_check = people.filter(confirmed_at__isnull=True, relation="policyholder", end_date__isnull=True)
    return bare_page(request, rows, capped_count(people), more=[to_check.count()])


def insured_detail(request: HttpRequest, insured_id: int) -> HttpResponse:
    row = _insured(request).filter(pk=insured_id).values_list(*INSURED_ROW, "policyholder_id")
    holder = row[0][-1] or insured_id
    family = InsuredPerson.objects.filter(pk=holder) | InsuredPerson.objects.filter(policyholder_id=holder)
    coverages = Coverage.objects.filter(insured_id=insured_id).values_list(
        "product__name", "start_date", "end_date"
    )
    mutations = Mutation.objects.filter(insured_id=insured_id).values_list(
        "kind", "effective_date", "entered_at", "entered_by__full_name", "reason"
    )
    more = [*family.values_list(*INSURED_ROW[:8]), *coverages, *mutations]
    return bare_page(request, row, more=more)


def statement_detail(request: HttpRequest, statement_id: int) -> HttpResponse:
    statement = Statement.objects.filter(
        collectivity__organisation_id=organisation_id_of(request), pk=statement_id
    ).values_list("number", "collectivity__name", "month", "issued_at", "total_premium", "total_withheld")
    totals = (
        StatementLine.objects.filter(statement_id=statement_id)
        .values("holder_name", "holder_policy_number", "holder_employee_number")
        .annotate(premium=Sum("premium"), contribution=Sum("contribution"), withheld=Sum("withheld"))
        .order_by("holder_name", "holder_policy_number", "holder_employee_number")
    )
    count = capped_count(totals)
    corrections = StatementLine.objects.filter(statement_id=statement_id, kind="correction").values_list(
        "name", "product__name", "period", "premium", "withheld"
    )[:200]
    return bare_page(request, [*statement, *totals[:50]], count, more=corrections)
