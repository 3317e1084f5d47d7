"""Demo data for `make run`: two employers (one user in both), every role, a physician, a provider, the desk."""

from __future__ import annotations

import datetime
import random
import time
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.db import transaction

from werkzorg.accounts.models import User
from werkzorg.employees.models import Employee
from werkzorg.organisations.models import (
    GRANT_FIELDS,
    Collectivity,
    Membership,
    OperatorSettings,
    Organisation,
    OrganisationKind,
    PhysicianAuthorisation,
    Practitioner,
    TermsAcceptance,
    TermsVersion,
)

DEMO_PASSWORD = "Werkzorg-demo-2026"
# Every demo user shares this TOTP secret, so one authenticator entry (or `manage.py demo_totp`) serves all.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

ALL_GRANTS = dict.fromkeys(GRANT_FIELDS, True)


@dataclass(frozen=True)
class DemoUser:
    email: str
    name: str
    phone: str
    actor: str
    memberships: tuple[tuple[str, tuple[str, ...]], ...] = ()
    staff: bool = False


DEMO_USERS = [
    DemoUser(
        "anna.jansen@korenaar.nl",
        "Anna Jansen",
        "+31612345001",
        "main account holder (both organisations)",
        (("korenaar", tuple(GRANT_FIELDS)), ("vandijk", ("role_request_interventions", "role_reports"))),
    ),
    DemoUser(
        "pieter.devries@korenaar.nl",
        "Pieter de Vries",
        "+31612345002",
        "request interventions",
        (("korenaar", ("role_request_interventions",)),),
    ),
    DemoUser(
        "sanne.bakker@korenaar.nl",
        "Sanne Bakker",
        "+31612345003",
        "collective health insurance",
        (("korenaar", ("role_insurance",)),),
    ),
    DemoUser(
        "ahmed.elamrani@korenaar.nl",
        "Ahmed El Amrani",
        "+31612345004",
        "declare invoices + reports",
        (("korenaar", ("role_declare_invoices", "role_reports")),),
    ),
    DemoUser(
        "fleur.visser@korenaar.nl",
        "Fleur Visser",
        "+31612345005",
        "absence management",
        (("korenaar", ("role_absence",)),),
    ),
    DemoUser(
        "mark.dekker@korenaar.nl",
        "Mark Dekker",
        "+31612345006",
        "user manager (invite + assign roles)",
        (("korenaar", ("can_invite_users", "can_assign_roles", "role_request_interventions")),),
    ),
    DemoUser(
        "jan.vandijk@vandijk-transport.nl",
        "Jan van Dijk",
        "+31612345007",
        "main account holder (Van Dijk)",
        (("vandijk", tuple(GRANT_FIELDS)),),
    ),
    DemoUser("l.smit@arbo-oost.nl", "dr. Lotte Smit", "+31612345008", "occupational physician"),
    DemoUser(
        "eva.mulder@fysioplus.nl",
        "Eva Mulder",
        "+31612345009",
        "care provider",
        (("fysioplus", tuple(GRANT_FIELDS)),),
    ),
    DemoUser(
        "desk@werkzorg.example",
        "Werkgeversdesk",
        "+31612345010",
        "operator desk (admin at /desk/)",
        staff=True,
    ),
]

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


def current_totp_code() -> str:
    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, int(time.time()) // 30))


@transaction.atomic
def load_demo() -> list[DemoUser]:
    operator = OperatorSettings.objects.first() or OperatorSettings.objects.create(
        name="Werkzorg Arbodiensten",
        desk_email="werkgeversdesk@werkzorg.example",
        desk_phone="+31 20 123 4567",
    )
    terms, _ = TermsVersion.objects.get_or_create(
        version="2026.1",
        defaults={
            "title": "Algemene voorwaarden",
            "body": f"Algemene voorwaarden van {operator.name} voor het werkgeversportaal.\n\n"
            "1. De werkgever gebruikt het portaal alleen voor de eigen medewerkers.\n"
            f"2. {operator.name} verwerkt persoonsgegevens als verwerker in de zin van de AVG.\n"
            "3. Een datalek meldt de operator binnen 24 uur aan de hoofdaccounthouder.\n",
        },
    )
    orgs = {
        "korenaar": _org(
            "korenaar", "Bakkerij De Gouden Korenaar B.V.", "12345678", "korenaar.nl", "Deventer"
        ),
        "vandijk": _org("vandijk", "Transportbedrijf Van Dijk", "23456789", "vandijk-transport.nl", "Zwolle"),
        "fysioplus": _org(
            "fysioplus",
            "FysioPlus Bedrijfsfysiotherapie",
            "34567890",
            "fysioplus.nl",
            "Apeldoorn",
            kind=OrganisationKind.PROVIDER,
        ),
    }
    Collectivity.objects.get_or_create(
        customer_number="100200",
        collectivity_number="5001",
        defaults={"organisation": orgs["korenaar"], "name": "Korenaar Collectief"},
    )
    Collectivity.objects.get_or_create(
        customer_number="100200",
        collectivity_number="5002",
        defaults={"organisation": orgs["korenaar"], "name": "Korenaar Winkels"},
    )
    Collectivity.objects.get_or_create(
        customer_number="100300",
        collectivity_number="6001",
        defaults={"organisation": orgs["vandijk"], "name": "Van Dijk Collectief"},
    )
    users = {}
    for demo in DEMO_USERS:
        user = User.objects.filter(email=demo.email).first()
        if user is None:
            user = User.objects.create_user(
                demo.email,
                DEMO_PASSWORD,
                full_name=demo.name,
                phone=demo.phone,
                phone_verified=True,
                is_staff=demo.staff,
                is_superuser=demo.staff,
            )
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
            TOTP.activate(user, DEMO_TOTP_SECRET)
        users[demo.email] = user
        for slug, grants in demo.memberships:
            Membership.objects.get_or_create(
                user=user, organisation=orgs[slug], defaults={f: f in grants for f in GRANT_FIELDS}
            )
        if user.last_organisation is None and demo.memberships:
            user.last_organisation = orgs[demo.memberships[0][0]]
            user.save(update_fields=["last_organisation"])
    physician = users["l.smit@arbo-oost.nl"]
    practitioner, _ = Practitioner.objects.get_or_create(
        agb_code="12345678",
        defaults={
            "name": "dr. Lotte Smit",
            "big_number": "19012345601",
            "email": physician.email,
            "user": physician,
        },
    )
    Practitioner.objects.get_or_create(
        agb_code="87654321", defaults={"name": "dr. Koen Bos", "big_number": "29012345601"}
    )
    main = users["anna.jansen@korenaar.nl"]
    if (
        not PhysicianAuthorisation.objects.active()
        .filter(organisation=orgs["korenaar"], practitioner=practitioner)
        .exists()
    ):
        PhysicianAuthorisation.objects.create(
            organisation=orgs["korenaar"], practitioner=practitioner, authorised_by=main
        )
    TermsAcceptance.objects.get_or_create(
        organisation=orgs["korenaar"], terms_version=terms, defaults={"accepted_by": main}
    )
    TermsAcceptance.objects.get_or_create(
        organisation=orgs["vandijk"],
        terms_version=terms,
        defaults={"accepted_by": users["jan.vandijk@vandijk-transport.nl"]},
    )
    _employees(orgs["korenaar"], 320, seed=1)
    _employees(orgs["vandijk"], 140, seed=2)
    second_provider = _org(
        "mentaalfit",
        "MentaalFit Coaching",
        "45678901",
        "mentaalfit.nl",
        "Utrecht",
        kind=OrganisationKind.PROVIDER,
    )
    _catalogue([orgs["fysioplus"], second_provider])
    _requests(main, orgs["korenaar"], users["eva.mulder@fysioplus.nl"], orgs["fysioplus"])
    return DEMO_USERS


def _org(
    slug: str, name: str, kvk: str, domain: str, city: str, kind: OrganisationKind = OrganisationKind.EMPLOYER
) -> Organisation:
    org, _ = Organisation.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "kvk_number": kvk,
            "email_domains": domain,
            "city": city,
            "kind": kind,
            "street": "Marktstraat 1",
            "postal_code": "7411 AA",
        },
    )
    return org


def _employees(org: Organisation, count: int, seed: int) -> None:
    if Employee.objects.for_org(org).exists():
        return
    rng = random.Random(seed)  # deterministic: the same demo every time
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
            )
        )
    Employee.objects.bulk_create(people)


CATALOGUE = [
    (
        "Kortdurende coaching bij werkstress",
        "mental",
        "both",
        "650.00",
        5,
        8,
        "Vijf gesprekken met een erkende coach om grip te krijgen op stress en werkdruk.",
    ),
    (
        "Psychologische hulp bij burn-outklachten",
        "mental",
        "both",
        "1250.00",
        10,
        16,
        "Behandeling door een GZ-psycholoog, gericht op herstel en werkhervatting.",
    ),
    (
        "Online mindfulnesstraining",
        "mental",
        "online",
        "295.00",
        8,
        8,
        "Acht online sessies mindfulness in je eigen tempo.",
    ),
    (
        "Bedrijfsfysiotherapie rug en nek",
        "physical",
        "on_site",
        "480.00",
        6,
        6,
        "Onderzoek en behandeling van rug- en nekklachten, met advies over de werkplek.",
    ),
    (
        "Werkplekonderzoek",
        "physical",
        "on_site",
        "325.00",
        1,
        1,
        "Een ergonoom bekijkt de werkplek en geeft concreet advies.",
    ),
    (
        "Begeleiding bij RSI/KANS",
        "physical",
        "both",
        "560.00",
        6,
        8,
        "Oefentherapie en advies bij klachten aan arm, nek en schouder.",
    ),
    (
        "Leefstijlcoaching: beter slapen",
        "lifestyle",
        "online",
        "240.00",
        4,
        6,
        "Praktische aanpak van slaapproblemen.",
    ),
    (
        "Stoppen met roken",
        "lifestyle",
        "both",
        "310.00",
        6,
        10,
        "Begeleiding door een gecertificeerde stoppen-met-rokencoach.",
    ),
    (
        "Gezond gewicht en bewegen",
        "lifestyle",
        "on_site",
        "420.00",
        8,
        12,
        "Coaching op voeding en bewegen, afgestemd op het werk.",
    ),
    (
        "Training omgaan met agressie",
        "training",
        "on_site",
        "1450.00",
        2,
        1,
        "Groepstraining voor medewerkers met klantcontact.",
    ),
    (
        "Training veerkracht voor leidinggevenden",
        "training",
        "both",
        "895.00",
        3,
        6,
        "Leidinggevenden leren signalen herkennen en het gesprek voeren.",
    ),
    (
        "Workshop vitaal werken",
        "workshop",
        "on_site",
        "750.00",
        1,
        1,
        "Interactieve workshop voor teams over energie en balans.",
    ),
    (
        "Workshop gezond tillen",
        "workshop",
        "on_site",
        "690.00",
        1,
        1,
        "Praktische workshop voor magazijn en productie.",
    ),
]


def _catalogue(providers: list[Organisation]) -> None:
    from decimal import Decimal

    from werkzorg.interventions.models import Intervention, Region

    if Intervention.objects.exists():
        return
    regions = list(Region.objects.all())
    for index, (title, category, delivery, price, sessions, weeks, summary) in enumerate(CATALOGUE):
        item = Intervention.objects.create(
            title=title,
            category=category,
            delivery=delivery,
            price_excl_vat=Decimal(price),
            sessions=sessions,
            duration_weeks=weeks,
            summary=summary,
            description=summary + "\n\nDe aanbieder neemt binnen drie werkdagen na toestemming contact op.",
        )
        item.providers.set(providers if index % 3 == 0 else providers[index % 2 : index % 2 + 1])
        item.regions.set(
            [r for r in regions if r.code == "nationwide"]
            if delivery != "on_site"
            else regions[1 + index % 6 : 5 + index % 6]
        )


def _requests(main: User, org: Organisation, provider_user: User, provider: Organisation) -> None:
    """A few requests in different states, made through the services as a person would."""
    from django.utils import timezone

    from werkzorg.access import resolve_actor
    from werkzorg.interventions import services
    from werkzorg.interventions.models import Appointment, Intervention, InterventionRequest

    if InterventionRequest.objects.for_org(org).exists():
        return
    actor = resolve_actor(main, org.slug)
    provider_actor = resolve_actor(provider_user, provider.slug)
    collectivity = org.collectivities.order_by("pk").first()
    assert collectivity is not None
    offered = list(Intervention.objects.filter(providers=provider).order_by("pk")[:4])
    people = list(Employee.objects.filter(organisation=org, employment_end__isnull=True).order_by("pk")[:8])
    made = []
    for n, person in enumerate(people):
        made.append(
            services.submit_request(
                actor=actor,
                intervention=offered[n % len(offered)],
                collectivity=collectivity,
                provider=provider,
                employee=person,
                name=person.display_name,
                email=person.email,
                phone=person.mobile,
                note="",
                submit_token=f"demo-{n}",
            )
        )
    for request in made[2:]:
        services.grant_consent(token=services.consent_url(request).rstrip("/").rsplit("/", 1)[-1])
    services.refuse_consent(token=services.consent_url(made[1]).rstrip("/").rsplit("/", 1)[-1])
    services.mark_contacted(actor=provider_actor, request=made[3])
    services.plan_appointment(
        actor=provider_actor, request=made[4], starts_at=timezone.now() + datetime.timedelta(days=5)
    )
    # Three completed courses with survey answers: the dashboard shows averages from three answers on.
    for done, (offer, speed) in zip(made[5:], [(8, 7), (9, 8), (8, 8)], strict=False):
        services.plan_appointment(
            actor=provider_actor, request=done, starts_at=timezone.now() + datetime.timedelta(days=1)
        )
        Appointment.objects.filter(request=done).update(starts_at=timezone.now() - datetime.timedelta(days=1))
        appointment = Appointment.objects.get(request=done)
        services.record_attendance(actor=provider_actor, appointment_id=appointment.pk, attended=True)
        services.complete_request(actor=provider_actor, request=done)
        done.refresh_from_db()
        token = services.survey_url(done).rstrip("/").rsplit("/", 1)[-1]
        services.submit_survey(token=token, score_offer=offer, score_speed=speed, comment="")
