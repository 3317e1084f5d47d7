"""Demo users of every kind, their memberships, the physician's authorisation and accepted terms."""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.db import transaction

from werkzorg.access.policy import GRANT_FIELDS
from werkzorg.accounts.demo_totp import DEMO_TOTP_SECRET
from werkzorg.accounts.models import User
from werkzorg.organisations.models import (
    Membership,
    Organisation,
    PhysicianAuthorisation,
    Practitioner,
    TermsAcceptance,
    TermsVersion,
)

DEMO_PASSWORD = "Werkzorg-demo-2026"
# Every demo user shares DEMO_TOTP_SECRET, so one authenticator entry (or `demo_totp`) serves all.


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


@transaction.atomic
def load() -> list[tuple[str, str]]:
    orgs = {o.slug: o for o in Organisation.objects.all()}
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
                desk_support=demo.staff,
                desk_catalogue=demo.staff,
                desk_contracts=demo.staff,
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
    practitioner = Practitioner.objects.get(agb_code="12345678")
    if practitioner.user_id is None:
        practitioner.user = physician
        practitioner.email = physician.email
        practitioner.save(update_fields=["user", "email"])
    main = users["anna.jansen@korenaar.nl"]
    if (
        not PhysicianAuthorisation.objects.active()
        .filter(organisation=orgs["korenaar"], practitioner=practitioner)
        .exists()
    ):
        PhysicianAuthorisation.objects.create(
            organisation=orgs["korenaar"], practitioner=practitioner, authorised_by=main
        )
    terms = TermsVersion.objects.get(version="2026.1")
    for slug, email in (("korenaar", main.email), ("vandijk", "jan.vandijk@vandijk-transport.nl")):
        TermsAcceptance.objects.get_or_create(
            organisation=orgs[slug], terms_version=terms, defaults={"accepted_by": users[email]}
        )
    return [(demo.email, demo.actor) for demo in DEMO_USERS]
