"""Demo employee registers of the demo employers (deterministic: the same demo every time)."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.db import transaction

from werkzorg.employees.models import Employee
from werkzorg.organisations.models import Organisation


@transaction.atomic
def load() -> list[tuple[str, str]]:
    for slug, count, seed in (("korenaar", 320, 1), ("vandijk", 140, 2)):
        _employees(Organisation.objects.get(slug=slug), count, seed)
    return []


FIRST_NAMES = [
    "Daan",
    "Emma",
    "Sem",
    "Julia",
    "Lucas",
    "Mila",
    "Levi",
    "Tess",
    "Finn",
    "Sophie",
    "Noah",
    "Zoë",
    "Bram",
    "Fenna",
    "Thijs",
    "Lotte",
    "Jesse",
    "Saar",
    "Mohamed",
    "Yara",
    "Ruben",
    "Nina",
    "Stijn",
    "Iris",
    "Gijs",
    "Anouk",
    "Koen",
    "Floor",
    "Youssef",
    "Maud",
    "Joris",
    "Eline",
    "Wouter",
    "Sara",
    "Hamza",
    "Lieke",
]
PREFIXES = ["", "", "", "", "van", "de", "van der", "van den", "ter"]
LAST_NAMES = [
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "Dijk",
    "Berg",
    "Leeuwen",
    "Wal",
    "Kok",
    "Jacobs",
    "Vermeulen",
    "Haan",
    "Schouten",
    "Veen",
    "Koster",
    "Prins",
    "Yilmaz",
    "Öztürk",
    "Boer",
    "Graaf",
    "Huisman",
    "Willems",
    "Postma",
    "Kuipers",
]
DEPARTMENTS = {
    "korenaar": ["Bakkerij", "Logistiek", "Winkels", "Administratie", "Inkoop", "Kwaliteit"],
    "vandijk": ["Chauffeurs", "Planning", "Werkplaats", "Kantoor"],
}


def _employees(org: Organisation, count: int, seed: int) -> None:
    if Employee.objects.filter(organisation=org).exists():
        return
    rng = random.Random(seed)  # deterministic: the same demo every time
    hours = random.Random(
        seed + 100
    )  # part-time factors from their own sequence, so the rest stays as it was
    domain = org.domains[0]
    people = []
    for number in range(1, count + 1):
        first, prefix, last = rng.choice(FIRST_NAMES), rng.choice(PREFIXES), rng.choice(LAST_NAMES)
        start = datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randrange(5000))
        ended = start + datetime.timedelta(days=rng.randrange(200, 2000)) if rng.random() < 0.08 else None
        people.append(
            Employee(
                organisation=org,
                employee_number=f"{seed}{number:05d}",
                first_name=first,
                name_prefix=prefix,
                last_name=last,
                email=f"{first.lower()}.{last.lower()}{number}@{domain}".replace("ö", "o").replace("ë", "e"),
                mobile=f"+3162{rng.randrange(10**7):07d}",
                department=rng.choice(DEPARTMENTS.get(org.slug, ["Algemeen"])),
                date_of_birth=datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randrange(14000)),
                employment_start=start,
                employment_end=ended if ended and ended < datetime.date.today() else None,
                part_time_factor=Decimal(hours.choice(["1", "1", "1", "0.8", "0.6", "0.5"])),
            )
        )
    Employee.objects.bulk_create(people)
