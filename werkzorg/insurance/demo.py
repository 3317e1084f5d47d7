"""Demo collective insurance: contracts, a few hundred insured people with families, a year of mutations,
statements with corrections, invoices and inbox items (deterministic: the same demo every time).

History is made through the services, month by month, with the moments moved back afterwards, so the
statements and their corrections are what the real monthly run would have produced.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from werkzorg.access import Actor, desk_actor
from werkzorg.accounts.models import User
from werkzorg.employees.demo import FIRST_NAMES, LAST_NAMES
from werkzorg.inbox.models import Message
from werkzorg.insurance import services
from werkzorg.insurance.models import (
    ContractDocument,
    ContractPrice,
    InsuranceContract,
    InsuredPerson,
    Mutation,
    PaymentMethod,
    PremiumInvoice,
    Product,
    ProductKind,
    Relation,
    Statement,
)
from werkzorg.insurance.premiums import add_months, month_start
from werkzorg.insurance.services.people import NewPerson
from werkzorg.organisations.models import Collectivity

PRODUCTS = [
    ("ZV-BASIS", "Basisverzekering Zorg Vrij", ProductKind.BASIC),
    ("AV-GOED", "Aanvullend Goed", ProductKind.SUPPLEMENTARY),
    ("TV-BETER", "Tand Beter", ProductKind.DENTAL),
]
# Monthly premium and employer contribution per product, for 2025 and 2026 (a new price list a year).
PRICES = {
    "ZV-BASIS": {2025: ("148.50", "0.00"), 2026: ("156.25", "0.00")},
    "AV-GOED": {2025: ("32.10", "10.00"), 2026: ("34.60", "10.00")},
    "TV-BETER": {2025: ("21.75", "5.00"), 2026: ("22.95", "5.00")},
}
# (customer number, collectivity number, payment, policyholders, first policy number, seed)
CONTRACTS = [
    ("100200", "5001", PaymentMethod.SALARY, 160, 40_000_000, 11),
    ("100200", "5002", PaymentMethod.SALARY, 50, 41_000_000, 12),
    ("100300", "6001", PaymentMethod.CENTRAL, 40, 42_000_000, 13),
]
HISTORY_START = datetime.date(2025, 12, 1)


def load() -> list[tuple[str, str]]:
    if InsuranceContract.objects.exists():
        return []
    products = {
        code: Product.objects.create(code=code, name=name, kind=kind) for code, name, kind in PRODUCTS
    }
    desk = desk_actor(User.objects.get(email="desk@werkzorg.example"))
    today = timezone.localdate()
    contracts = []
    for customer, number, payment, holders, first_policy, seed in CONTRACTS:
        collectivity = Collectivity.objects.get(customer_number=customer, collectivity_number=number)
        contract = InsuranceContract.objects.create(
            collectivity=collectivity, payment_method=payment, start_date=HISTORY_START, retroactive_months=24
        )
        for code, by_year in PRICES.items():
            for year, (premium, contribution) in by_year.items():
                ContractPrice.objects.create(
                    contract=contract,
                    product=products[code],
                    valid_from=datetime.date(year, 1, 1) if year > 2025 else HISTORY_START,
                    monthly_premium=Decimal(premium),
                    employer_contribution=Decimal(contribution)
                    if payment == PaymentMethod.SALARY
                    else Decimal(0),
                )
        ContractDocument.objects.create(
            contract=contract,
            title="Prijslijst collectiviteit",
            year=2026,
            content=_pdf(),
            filename="prijslijst-2026.pdf",
        )
        _families(desk, collectivity, holders, first_policy, seed, list(products.values()))
        contracts.append(contract)
    _history(desk, contracts, today)
    for contract in contracts:
        contract.retroactive_months = 3
        contract.save(update_fields=["retroactive_months"])
    PremiumInvoice.objects.filter(due_date__lt=today - datetime.timedelta(days=40)).update(paid_on=today)
    services.send_payment_reminders(today)
    return []


def _families(
    desk: Actor,
    collectivity: Collectivity,
    holders: int,
    first_policy: int,
    seed: int,
    products: list[Product],
) -> None:
    rng = random.Random(seed)
    policy = first_policy
    employee_prefix = "1" if collectivity.customer_number == "100200" else "2"
    for index in range(holders):
        last = rng.choice(LAST_NAMES)
        born = datetime.date(1962 + rng.randrange(40), rng.randrange(1, 13), rng.randrange(1, 29))
        # A few new members still wait for the employer's check: no employee number yet.
        number = "" if index % 23 == 5 else f"{employee_prefix}{index + 1 + seed % 10 * 0:05d}"
        people = [_person(rng, last, born, policy, Relation.POLICYHOLDER, number)]
        if rng.random() < 0.5:
            people.append(
                _person(
                    rng,
                    last,
                    born + datetime.timedelta(days=rng.randrange(-900, 900)),
                    policy + 1,
                    Relation.PARTNER,
                )
            )
        for child in range(rng.choice([0, 0, 1, 2, 3])):
            child_born = datetime.date(2008 + rng.randrange(17), rng.randrange(1, 13), rng.randrange(1, 29))
            people.append(_person(rng, last, child_born, policy + 2 + child, Relation.CHILD))
        policy += 10
        chosen = products if rng.random() < 0.6 else products[:1]
        with transaction.atomic():
            created = services.enrol_family(
                actor=desk,
                collectivity=collectivity,
                people=people,
                products=chosen,
                start_date=HISTORY_START,
            )
        if number:  # the employer confirmed these long ago
            InsuredPerson.objects.filter(pk=created[0].pk).update(confirmed_at=timezone.now())


def _person(
    rng: random.Random, last: str, born: datetime.date, policy: int, relation: str, number: str = ""
) -> NewPerson:
    return NewPerson(
        first_name=rng.choice(FIRST_NAMES),
        last_name=last,
        date_of_birth=born,
        bsn=_bsn(policy),
        policy_number=str(policy),
        relation=relation,
        employee_number=number,
    )


def _bsn(seed: int) -> str:
    """A number that passes the 11-check (fictitious, like the rest of the demo)."""
    base = f"{seed % 10**8:08d}"
    total = sum(int(d) * w for d, w in zip(base, range(9, 1, -1), strict=True))
    for last in range(10):
        if (total - last) % 11 == 0:
            return base + str(last)
    return _bsn(seed + 1)


def _history(desk: Actor, contracts: list[InsuranceContract], today: datetime.date) -> None:
    """Month by month up to this one: deregistrations (some dated in a month already issued), then the
    month's statement; the moments are moved back to when they would have happened."""
    rng = random.Random(7)
    employer = User.objects.get(email="anna.jansen@korenaar.nl")
    month = HISTORY_START
    while month <= month_start(today):
        issued_at = timezone.make_aware(datetime.datetime.combine(month, datetime.time(6, 0)))
        for contract in contracts:
            with transaction.atomic():
                statement = services.issue_statement(actor=None, contract=contract, month=month)
            Statement.objects.filter(pk=statement.pk).update(issued_at=issued_at)
            Message.objects.filter(link__endswith=f"/{statement.pk}/").update(created_at=issued_at)
            Message.objects.filter(title__contains=statement.number.replace("BOR-", "FAC-")).update(
                created_at=issued_at
            )
        if month < month_start(today):
            _mutations_in(month, contracts, rng, employer)
        month = add_months(month, 1)


def _mutations_in(
    month: datetime.date, contracts: list[InsuranceContract], rng: random.Random, employer: User
) -> None:
    """Two or three people leave in each salary collectivity; one in three dated back a month."""
    from werkzorg.access import resolve_actor

    actor = resolve_actor(employer, "korenaar")
    entered = timezone.make_aware(
        datetime.datetime.combine(month + datetime.timedelta(days=14), datetime.time(10, 0))
    )
    for contract in contracts:
        if contract.collectivity.organisation.slug != "korenaar":
            continue
        staying = list(
            InsuredPerson.objects.filter(
                collectivity=contract.collectivity, relation=Relation.POLICYHOLDER, end_date__isnull=True
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        for insured_id in rng.sample(staying, 2):
            back = rng.random() < 0.34 and month > HISTORY_START
            end = (
                (month - datetime.timedelta(days=1))
                if back
                else add_months(month, 1) - datetime.timedelta(days=1)
            )
            services.deregister(actor=actor, insured_id=insured_id, end_date=end, reason="Uit dienst")
            Mutation.objects.filter(insured__policyholder_id=insured_id, kind="deregistered").update(
                entered_at=entered
            )
            Mutation.objects.filter(insured_id=insured_id, kind="deregistered").update(entered_at=entered)


def _pdf() -> bytes:
    """A one-page price list, made with the same PDF engine as the statements."""
    from werkzorg.insurance.services.documents import html_to_pdf

    rows = "".join(
        f"<tr><td>{code}</td><td>{year}</td><td>€ {p}</td><td>€ {c}</td></tr>"
        for code, by_year in PRICES.items()
        for year, (p, c) in by_year.items()
    )
    return html_to_pdf(
        "<h1>Prijslijst collectiviteit</h1><table><tr><th>Product</th><th>Jaar</th><th>Premie</th>"
        f"<th>Werkgeversbijdrage</th></tr>{rows}</table>"
    )
