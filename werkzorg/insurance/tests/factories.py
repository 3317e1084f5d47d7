"""Test objects of the collective insurance, built straight from the models (the services are what the
tests exercise)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from werkzorg.core import crypto
from werkzorg.insurance.models import (
    ContractPrice,
    Coverage,
    InsuranceContract,
    InsuredPerson,
    PaymentMethod,
    Product,
    Relation,
)
from werkzorg.organisations.models import Collectivity, Organisation

# Valid by the 11-check, fictitious.
BSNS = ["111222333", "123456782", "100000009", "999999990", "222333444"]
_counter = {"n": 0}


def _next() -> int:
    _counter["n"] += 1
    return _counter["n"]


def product(code: str = "BASIS", kind: str = "basic") -> Product:
    found, _ = Product.objects.get_or_create(code=code, defaults={"name": f"Product {code}", "kind": kind})
    return found


def contract(
    organisation: Organisation,
    *,
    payment: str = PaymentMethod.SALARY,
    start: datetime.date = datetime.date(2026, 1, 1),
    prices: dict[str, tuple[str, str]] | None = None,
    number: str | None = None,
) -> InsuranceContract:
    """A collectivity of `organisation` with its contract; prices: product code -> (premium, contribution)."""
    n = _next()
    collectivity = Collectivity.objects.create(
        organisation=organisation,
        customer_number=f"9{n:05d}",
        collectivity_number=number or f"7{n:04d}",
        name=f"Collectiviteit {n}",
    )
    made = InsuranceContract.objects.create(
        collectivity=collectivity, payment_method=payment, start_date=start
    )
    for code, (premium, contribution) in (prices or {"BASIS": ("120.00", "20.00")}).items():
        ContractPrice.objects.create(
            contract=made,
            product=product(code),
            valid_from=start,
            monthly_premium=Decimal(premium),
            employer_contribution=Decimal(contribution),
        )
    return made


def insured(
    made: InsuranceContract,
    *,
    relation: str = Relation.POLICYHOLDER,
    holder: InsuredPerson | None = None,
    born: datetime.date = datetime.date(1980, 5, 17),
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    products: list[str] | None = None,
    employee_number: str | None = None,
    bsn: str = "111222333",
    last_name: str = "Jansen",
) -> InsuredPerson:
    n = _next()
    person = InsuredPerson.objects.create(
        organisation_id=made.collectivity.organisation_id,
        collectivity=made.collectivity,
        policy_number=f"5{n:07d}",
        relation=relation,
        policyholder=holder,
        first_name=f"Voornaam{n}",
        last_name=last_name,
        date_of_birth=born,
        bsn_encrypted=crypto.encrypt(bsn),
        employee_number=(f"W{n:05d}" if employee_number is None else employee_number)
        if holder is None
        else "",
        start_date=start or made.start_date,
        end_date=end,
        confirmed_at=None if employee_number == "" else made.created_at,
    )
    for code in products or ["BASIS"]:
        Coverage.objects.create(
            insured=person, product=product(code), start_date=person.start_date, end_date=end
        )
    return person
