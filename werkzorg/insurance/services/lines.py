"""A statement's lines as they should be by today's data: the reference in Python (premiums.py's arithmetic,
per person) and, on PostgreSQL, the same regular lines computed and inserted by one statement.

Issuing the month of 100,000 insured people in Python means 100,000 model instances and Decimal
operations (about 17 s); the database does the same arithmetic in a fraction of that. The two paths are
held equal by a test that issues the same generated population both ways (test_statement_sql.py), so
premiums.py stays the one readable statement of the rules.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, QuerySet

from werkzorg.core.bulk import insert_all
from werkzorg.insurance.models import (
    ContractPrice,
    Coverage,
    InsuranceContract,
    InsuredPerson,
    LineKind,
    Statement,
    StatementLine,
)
from werkzorg.insurance.premiums import Amounts, Price, month_amounts, month_end


@dataclass(frozen=True)
class Person:
    pk: int
    policy_number: str
    relation: str
    holder_id: int
    name: str
    employee_number: str
    date_of_birth: datetime.date
    start: datetime.date
    end: datetime.date | None


PERSON_FIELDS = (
    "pk",
    "policy_number",
    "relation",
    "policyholder_id",
    "first_name",
    "name_prefix",
    "last_name",
    "employee_number",
    "date_of_birth",
    "start_date",
    "end_date",
)


def people_of(queryset: QuerySet[InsuredPerson]) -> dict[int, Person]:
    found = {}
    for pk, policy, relation, holder, first, prefix, last, number, born, start, end in queryset.values_list(
        *PERSON_FIELDS
    ):
        name = " ".join(p for p in (first, prefix, last) if p)
        found[pk] = Person(pk, policy, relation, holder or pk, name, number, born, start, end)
    return found


def prices_of(contract: InsuranceContract) -> dict[int, list[Price]]:
    prices: dict[int, list[Price]] = defaultdict(list)
    for product, valid_from, premium, contribution in ContractPrice.objects.filter(
        contract=contract
    ).values_list("product_id", "valid_from", "monthly_premium", "employer_contribution"):
        prices[product].append(Price(valid_from, premium, contribution))
    return prices


def coverages_of(
    person_ids: Iterable[int], *, collectivity_id: int | None = None
) -> dict[int, list[tuple[int, datetime.date, datetime.date | None]]]:
    """Products per person: a whole collectivity in one read (a statement's people are most of it),
    or the named people in chunks."""
    found: dict[int, list[tuple[int, datetime.date, datetime.date | None]]] = defaultdict(list)
    fields = ("insured_id", "product_id", "start_date", "end_date")
    if collectivity_id is not None:
        wanted = set(person_ids)
        rows = Coverage.objects.filter(insured__collectivity_id=collectivity_id).values_list(*fields)
        for insured, product, begin, end in rows.iterator(chunk_size=10_000):
            if insured in wanted:
                found[insured].append((product, begin, end))
        return found
    ids = list(person_ids)
    for start in range(0, len(ids), 5_000):
        for insured, product, begin, end in Coverage.objects.filter(
            insured_id__in=ids[start : start + 5_000]
        ).values_list(*fields):
            found[insured].append((product, begin, end))
    return found


def expected(
    person: Person,
    coverages: list[tuple[int, datetime.date, datetime.date | None]],
    prices: dict[int, list[Price]],
    month: datetime.date,
) -> dict[int, Amounts]:
    """What each product of one person should cost in `month` by today's data."""
    amounts = {}
    for product, start, end in coverages:
        found = month_amounts(
            month, [(person.start, person.end), (start, end)], prices[product], person.date_of_birth
        )
        if found is not None:
            amounts[product] = found
    return amounts


def make_line(statement: Statement, person: Person, holder: Person, product: int, month: datetime.date,
          kind: LineKind, amounts: Amounts) -> StatementLine:  # fmt: skip
    return StatementLine(
        statement=statement,
        insured_id=person.pk,
        holder_policy_number=holder.policy_number,
        holder_employee_number=holder.employee_number,
        holder_name=holder.name,
        policy_number=person.policy_number,
        name=person.name,
        relation=person.relation,
        product_id=product,
        period=month,
        kind=kind,
        days=amounts.days,
        premium=amounts.premium,
        contribution=amounts.contribution,
        withheld=amounts.withheld,
    )


def regular_lines(
    statement: Statement, contract: InsuranceContract, month: datetime.date
) -> list[StatementLine]:
    """The month's own line per person and product, computed in Python (the reference)."""
    people = people_of(
        InsuredPerson.objects.filter(
            Q(end_date__isnull=True) | Q(end_date__gte=month),
            collectivity_id=contract.collectivity_id,
            start_date__lte=month_end(month),
        )
    )
    prices = prices_of(contract)
    coverages = coverages_of(people, collectivity_id=contract.collectivity_id)
    lines = []
    for person in people.values():
        holder = people.get(person.holder_id, person)
        for product, amounts in expected(person, coverages[person.pk], prices, month).items():
            lines.append(make_line(statement, person, holder, product, month, LineKind.REGULAR, amounts))
    return lines


def insert_regular_lines(statement: Statement, contract: InsuranceContract, month: datetime.date) -> None:
    if connection.vendor == "postgresql":
        insert_regular_lines_sql(statement, contract, month)
    else:  # SQLite computes decimals in floating point: the reference in Python
        insert_all(StatementLine, regular_lines(statement, contract, month))


# premiums.py in SQL: covered days are the overlap of month, membership and coverage; the price is the
# latest valid on the month's first day; a child (under 18 on the first day) pays nothing; a part of a
# month is monthly x days / days in the month rounded half up to the cent (PostgreSQL's round() on
# numeric rounds half away from zero, which is half up for these non-negative amounts); the contribution
# never exceeds the premium. The policyholder's name and numbers are copied onto every family line when
# the policyholder is in the collectivity that month (as the reference does). Plain joins on the tables,
# no self-join of a derived table: a collectivity imported a minute ago has no statistics yet, and a
# misestimated join of 100,000 rows with itself ran for minutes.
REGULAR_LINES_SQL = """
WITH price AS (
    SELECT DISTINCT ON (product_id) product_id, monthly_premium, employer_contribution
    FROM insurance_contractprice WHERE contract_id = %(contract)s AND valid_from <= %(first)s
    ORDER BY product_id, valid_from DESC
)
INSERT INTO insurance_statementline (
    statement_id, insured_id, holder_policy_number, holder_employee_number, holder_name,
    policy_number, name, relation, product_id, period, kind, days, premium, contribution, withheld
)
SELECT %(statement)s, i.id, COALESCE(h.policy_number, i.policy_number),
       COALESCE(h.employee_number, i.employee_number),
       CASE WHEN h.id IS NULL
            THEN concat_ws(' ', NULLIF(i.first_name, ''), NULLIF(i.name_prefix, ''), NULLIF(i.last_name, ''))
            ELSE concat_ws(' ', NULLIF(h.first_name, ''), NULLIF(h.name_prefix, ''), NULLIF(h.last_name, '')) END,
       i.policy_number, concat_ws(' ', NULLIF(i.first_name, ''), NULLIF(i.name_prefix, ''), NULLIF(i.last_name, '')),
       i.relation, c.product_id, %(first)s, %(kind)s, covered.days,
       amount.premium, LEAST(amount.part, amount.premium), amount.premium - LEAST(amount.part, amount.premium)
FROM insurance_insuredperson i
JOIN insurance_coverage c ON c.insured_id = i.id
JOIN price ON price.product_id = c.product_id
LEFT JOIN insurance_insuredperson h ON h.id = i.policyholder_id AND h.collectivity_id = i.collectivity_id
     AND h.start_date <= %(last)s AND (h.end_date IS NULL OR h.end_date >= %(first)s)
CROSS JOIN LATERAL (
    SELECT LEAST(%(last)s::date, COALESCE(i.end_date, %(last)s::date), COALESCE(c.end_date, %(last)s::date))
           - GREATEST(%(first)s::date, i.start_date, c.start_date) + 1 AS days,
           (i.date_of_birth + interval '18 years')::date > %(first)s::date AS child
) covered
CROSS JOIN LATERAL (
    SELECT CASE WHEN covered.child THEN 0
                WHEN covered.days = %(days_in_month)s THEN price.monthly_premium
                ELSE round(price.monthly_premium * covered.days / %(days_in_month)s, 2) END AS premium,
           CASE WHEN covered.child THEN 0
                WHEN covered.days = %(days_in_month)s THEN price.employer_contribution
                ELSE round(price.employer_contribution * covered.days / %(days_in_month)s, 2) END AS part
) amount
WHERE i.collectivity_id = %(collectivity)s AND i.start_date <= %(last)s
  AND (i.end_date IS NULL OR i.end_date >= %(first)s) AND covered.days > 0
"""


def insert_regular_lines_sql(statement: Statement, contract: InsuranceContract, month: datetime.date) -> None:
    last = month_end(month)
    with connection.cursor() as cursor:
        # For this transaction only: the joins of a large collectivity fit in memory instead of spilling to
        # disk, and no JIT compilation (measured: 0.9 s of compiling to save nothing on 100,000 rows).
        cursor.execute("SET LOCAL work_mem = '64MB'")
        cursor.execute("SET LOCAL jit = off")
        cursor.execute(
            REGULAR_LINES_SQL,
            {
                "statement": statement.pk,
                "collectivity": contract.collectivity_id,
                "contract": contract.pk,
                "first": month,
                "last": last,
                "days_in_month": last.day,
                "kind": LineKind.REGULAR.value,
            },
        )
