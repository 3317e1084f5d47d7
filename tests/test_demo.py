"""`make run` loads the demo data: it must load on an empty database and again on a loaded one."""

import re
from io import StringIO

from django.core.management import call_command

from werkzorg.accounts.models import User
from werkzorg.interventions.models import InterventionRequest, SurveyResponse
from werkzorg.interventions.queries import MIN_SURVEY_GROUP


def test_the_demo_loads_twice_and_shows_every_actor(db: None) -> None:
    out = StringIO()
    call_command("load_demo", stdout=out)
    call_command("load_demo", stdout=StringIO())
    assert "anna.jansen@korenaar.nl" in out.getvalue() and "desk@werkzorg.example" in out.getvalue()
    assert User.objects.count() == 11  # ten people and the demo API client's service account
    assert User.objects.get(email="anna.jansen@korenaar.nl").memberships.count() == 2
    assert InterventionRequest.objects.count() == 38  # 8 in every state, 30 completed over the past year
    assert SurveyResponse.objects.count() >= MIN_SURVEY_GROUP  # the dashboard shows scores at once


def test_the_printed_links_follow_the_chosen_address(db: None, settings) -> None:  # type: ignore[no-untyped-def]
    settings.SITE_URL = "http://127.0.0.1:8101"
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "http://127.0.0.1:8101/desk/" in out.getvalue() and "8000" not in out.getvalue()


def test_the_demo_code_is_the_authenticators_code() -> None:
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    from werkzorg.accounts.demo_totp import DEMO_TOTP_SECRET, totp_code

    moment = 1_790_000_000
    assert totp_code(at=moment) == format_hotp_value(hotp_value(DEMO_TOTP_SECRET, moment // 30))


def test_the_demo_history_spreads_over_the_past_year_in_dutch_months(db: None) -> None:
    from django.utils import translation

    from werkzorg.access import resolve_actor
    from werkzorg.interventions.queries import dashboard

    call_command("load_demo", stdout=StringIO())
    with translation.override("nl"):
        figures = dashboard(resolve_actor(User.objects.get(email="anna.jansen@korenaar.nl"), "korenaar"))
    assert len(figures["months"]) >= 10
    assert all(re.fullmatch(r"[a-z]+\.? \d{4}", month) for month in figures["months"]), figures["months"]


def test_the_demo_api_client_reads_the_register_as_docs_api_describes(db: None) -> None:
    from django.test import Client

    call_command("load_demo", stdout=StringIO())
    token = Client().post(
        "/api/oauth/token/",
        {
            "grant_type": "client_credentials",
            "client_id": "demo-salarissysteem",
            "client_secret": "Werkzorg-demo-api-2026",
        },
    )
    assert token.status_code == 200
    page = Client().get(
        "/api/v1/o/korenaar/medewerkers/?page_size=2",
        HTTP_AUTHORIZATION=f"Bearer {token.json()['access_token']}",
    )
    assert page.status_code == 200 and len(page.json()["results"]) == 2 and page.json()["next"]
