"""The collective insurance at the size of a large employer: one collectivity of BENCH_SCALE's employees
count of insured people, two issued months; each scenario against a same-run baseline doing the same work
directly (one SQL aggregate, openpyxl's write-only mode, the csv module)."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from openpyxl import Workbook

from werkzorg.access import resolve_actor
from werkzorg.core import crypto
from werkzorg.core.bulk import insert_all
from werkzorg.insurance import services
from werkzorg.insurance.models import (
    ContractPrice,
    Coverage,
    InsuranceContract,
    InsuredPerson,
    Product,
    Statement,
)
from werkzorg.insurance.services.exports import SHORT_COLUMNS
from werkzorg.insurance.services.statements import issue_statement
from werkzorg.organisations.models import Collectivity, Membership

JANUARY, FEBRUARY, MARCH = datetime.date(2026, 1, 1), datetime.date(2026, 2, 1), datetime.date(2026, 3, 1)


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


def differences_sql(collectivity_id: int, first: datetime.date, second: datetime.date) -> list[Any]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT l.policy_number, sum(CASE WHEN l.period = %s THEN l.premium ELSE 0 END), "
            "sum(CASE WHEN l.period = %s THEN l.premium ELSE 0 END) FROM insurance_statementline l "
            "JOIN insurance_statement s ON s.id = l.statement_id WHERE s.collectivity_id = %s "
            "AND s.month IN (%s, %s) AND l.kind = 'regular' GROUP BY l.policy_number "
            "HAVING sum(CASE WHEN l.period = %s THEN l.premium ELSE 0 END) "
            "<> sum(CASE WHEN l.period = %s THEN l.premium ELSE 0 END)",
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
            issue_statement(actor=None, contract=contract, month=MARCH)
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
        writer.writerow(["werknemersnummer", "naam", "inhouding"])
        writer.writerows(services.policyholder_totals(february))
        return buffer.getvalue().encode("utf-8-sig")

    return {
        "insurance.statement": lambda: compare(
            "insurance.statement", issue_march, lambda: statement_sql(collectivity_id, MARCH), count, repeat=1
        ),
        "insurance.export.xlsx": lambda: compare(
            "insurance.export.xlsx",
            lambda: services.export_short_list(actor=actor, filters={}, columns=columns, file_format="xlsx"),
            openpyxl_write_only,
            count,
            repeat=1,
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
