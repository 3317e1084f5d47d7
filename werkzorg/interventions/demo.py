"""Demo catalogue and intervention requests in every state, made through the services as a person would."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from werkzorg.access import resolve_actor
from werkzorg.accounts.models import User
from werkzorg.employees.models import Employee
from werkzorg.interventions import services
from werkzorg.interventions.models import Appointment, Intervention, InterventionRequest, Region
from werkzorg.organisations.models import Organisation

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


def load() -> list[tuple[str, str]]:
    providers = list(Organisation.objects.filter(slug__in=["fysioplus", "mentaalfit"]).order_by("slug"))
    _catalogue(providers)
    main, org = User.objects.get(email="anna.jansen@korenaar.nl"), Organisation.objects.get(slug="korenaar")
    provider_user, provider = (
        User.objects.get(email="eva.mulder@fysioplus.nl"),
        Organisation.objects.get(slug="fysioplus"),
    )
    if not InterventionRequest.objects.filter(organisation=org).exists():
        _history(main, org, provider_user, provider)
        _requests(main, org, provider_user, provider)
    return []


def _catalogue(providers: list[Organisation]) -> None:
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


def _history(main: User, org: Organisation, provider_user: User, provider: Organisation) -> None:
    """A year of completed courses (two or three a month), so the dashboard's charts mean something.

    Made through the services like the others, then moved back in time: demo data only.
    """
    actor = resolve_actor(main, org.slug)
    provider_actor = resolve_actor(provider_user, provider.slug)
    collectivity = org.collectivities.order_by("pk").first()
    offered = list(Intervention.objects.filter(providers=provider).order_by("pk"))
    people = list(Employee.objects.filter(organisation=org, employment_end__isnull=True).order_by("pk")[8:60])
    now = timezone.now()
    for n, person in enumerate(people[:30]):
        months_back = 11 - n * 12 // 30
        request = services.submit_request(
            actor=actor,
            intervention=offered[n % len(offered)],
            collectivity=collectivity,  # type: ignore[arg-type]
            provider=provider,
            employee=person,
            name=person.display_name,
            email=person.email,
            phone=person.mobile,
            note="",
            submit_token=f"demo-history-{n}",
        )
        services.grant_consent(token=services.consent_url(request).rstrip("/").rsplit("/", 1)[-1])
        services.plan_appointment(
            actor=provider_actor, request=request, starts_at=now + datetime.timedelta(days=1)
        )
        Appointment.objects.filter(request=request).update(starts_at=now - datetime.timedelta(hours=1))
        appointment = Appointment.objects.get(request=request)
        services.record_attendance(actor=provider_actor, appointment_id=appointment.pk, attended=True)
        services.complete_request(actor=provider_actor, request=request)
        start = now - datetime.timedelta(days=30 * months_back + (n % 3) * 7 + 5)
        InterventionRequest.objects.filter(pk=request.pk).update(
            created_at=start,
            consented_at=start + datetime.timedelta(days=2),
            forwarded_at=start + datetime.timedelta(days=2),
            first_appointment_at=start + datetime.timedelta(days=9),
            completed_at=start + datetime.timedelta(days=40),
        )
        Appointment.objects.filter(request=request).update(starts_at=start + datetime.timedelta(days=9))
        request.events.all().update(at=start)
