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
# never exceeds the premium. The policyholder's name and numbers are copied onto every family line.
REGULAR_LINES_SQL = """
WITH people AS (
    SELECT id, policy_number, relation, COALESCE(policyholder_id, id) AS holder_id,
           concat_ws(' ', NULLIF(first_name, ''), NULLIF(name_prefix, ''), NULLIF(last_name, '')) AS name,
           employee_number, date_of_birth, start_date, end_date
    FROM insurance_insuredperson
    WHERE collectivity_id = %(collectivity)s AND start_date <= %(last)s
      AND (end_date IS NULL OR end_date >= %(first)s)
), covered AS (
    SELECT p.*, c.product_id,
           LEAST(%(last)s::date, COALESCE(p.end_date, %(last)s::date), COALESCE(c.end_date, %(last)s::date))
           - GREATEST(%(first)s::date, p.start_date, c.start_date) + 1 AS days,
           (p.date_of_birth + interval '18 years')::date > %(first)s::date AS child,
           price.monthly_premium, price.employer_contribution
    FROM people p
    JOIN insurance_coverage c ON c.insured_id = p.id
    JOIN LATERAL (
        SELECT monthly_premium, employer_contribution FROM insurance_contractprice
        WHERE contract_id = %(contract)s AND product_id = c.product_id AND valid_from <= %(first)s
        ORDER BY valid_from DESC LIMIT 1
    ) price ON true
), amounts AS (
    SELECT covered.*,
           CASE WHEN child THEN 0
                WHEN days = %(days_in_month)s THEN monthly_premium
                ELSE round(monthly_premium * days / %(days_in_month)s, 2) END AS premium,
           CASE WHEN child THEN 0
                WHEN days = %(days_in_month)s THEN employer_contribution
                ELSE round(employer_contribution * days / %(days_in_month)s, 2) END AS part
    FROM covered WHERE days > 0
)
INSERT INTO insurance_statementline (
    statement_id, insured_id, holder_policy_number, holder_employee_number, holder_name,
    policy_number, name, relation, product_id, period, kind, days, premium, contribution, withheld
)
SELECT %(statement)s, a.id, COALESCE(h.policy_number, a.policy_number),
       COALESCE(h.employee_number, a.employee_number), COALESCE(h.name, a.name),
       a.policy_number, a.name, a.relation, a.product_id, %(first)s, %(kind)s, a.days,
       a.premium, LEAST(a.part, a.premium), a.premium - LEAST(a.part, a.premium)
FROM amounts a LEFT JOIN people h ON h.id = a.holder_id
ORDER BY a.id, a.product_id
"""


def insert_regular_lines_sql(statement: Statement, contract: InsuranceContract, month: datetime.date) -> None:
    last = month_end(month)
    with connection.cursor() as cursor:
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
