"""The request's state machine, consent links, erasure, provider isolation and chargeable cancellations."""

from __future__ import annotations

import datetime
import itertools
import json
import re

import pytest
from django.apps import apps
from django.core import mail
from django.db import models
from django.test import Client
from django.utils import timezone

from tests.queries import assert_constant_queries
from werkzorg.access import scope
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.interventions import services, workflow
from werkzorg.interventions.models import (
    Appointment,
    AppointmentStatus,
    CancelReason,
    ConsentDecision,
    Extension,
    InterventionRequest,
    RequestStatus,
    StatusEvent,
)
from werkzorg.interventions.services import InvalidLink

from .conftest import Flow, last_mail_to, link_token

# Every allowed move, written out by hand from docs/domain.md ("Interventions"): (from, to, who).
ALLOWED_MOVES = {
    ("awaiting_consent", "forwarded", "employee"),
    ("awaiting_consent", "cancelled", "employee"),
    ("awaiting_consent", "cancelled", "employer"),
    ("awaiting_consent", "cancelled", "system"),
    ("forwarded", "contacted", "provider"),
    ("forwarded", "planned", "provider"),
    ("forwarded", "cancelled", "employee"),
    ("forwarded", "cancelled", "employer"),
    ("contacted", "planned", "provider"),
    ("contacted", "cancelled", "employee"),
    ("contacted", "cancelled", "employer"),
    ("planned", "in_treatment", "provider"),
    ("planned", "contacted", "provider"),
    ("planned", "cancelled", "employee"),
    ("planned", "cancelled", "employer"),
    ("in_treatment", "completed", "provider"),
    ("in_treatment", "cancelled", "employee"),
    ("in_treatment", "cancelled", "employer"),
}
ALL_TRANSITIONS = list(itertools.product(RequestStatus.values, RequestStatus.values, list(workflow.Actor)))


@pytest.mark.parametrize(("source", "target", "actor"), ALL_TRANSITIONS)
def test_every_move_is_allowed_exactly_when_the_hand_written_list_says_so(
    source: str, target: str, actor: workflow.Actor
) -> None:
    allowed = (source, target, str(actor)) in ALLOWED_MOVES
    assert workflow.can_transition(source, target, actor) is allowed
    if allowed:
        workflow.check_transition(source, target, actor)
    else:
        with pytest.raises(ConflictError):
            workflow.check_transition(source, target, actor)


def test_terminal_states_have_no_way_out() -> None:
    for actor in workflow.Actor:
        assert workflow.allowed_targets(RequestStatus.COMPLETED, actor) == []
        assert workflow.allowed_targets(RequestStatus.CANCELLED, actor) == []


def test_the_whole_flow_from_request_to_survey(flow: Flow, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        request = flow.submit()
    assert request.number.startswith(f"IV{timezone.now():%Y}-")
    assert request.status == RequestStatus.AWAITING_CONSENT
    assert not scope(InterventionRequest, flow.provider).exists()
    token = link_token(last_mail_to("kees.z@privemail.nl").body, "toestemming")
    with django_capture_on_commit_callbacks(execute=True):
        services.grant_consent(token=token)
    request.refresh_from_db()
    assert (
        request.status == RequestStatus.FORWARDED
        and request.consents.get().decision == ConsentDecision.GRANTED
    )
    assert request.consents.get().text_version == services.CONSENT_TEXT_VERSION
    # The employee has no account: their consent is logged as theirs, in the employer's log.
    from werkzorg.audit.models import AuditEvent

    given = AuditEvent.objects.get(event_type="consent_given")
    assert (given.actor_id, given.actor_role, given.organisation.slug) == (None, "employee", "acme")
    assert any("staff@care.nl" in m.to for m in mail.outbox)  # the provider is told
    seen = services.provider_request(actor=flow.provider, request_id=request.pk)
    assert seen.employee_email == "kees.z@privemail.nl"
    # The provider's read is logged for the employer whose employee it is, not for the provider.
    read = AuditEvent.objects.get(event_type="intervention_read")
    assert (read.actor_label, read.organisation.slug) == ("staff@care.nl", "acme")
    services.mark_contacted(actor=flow.provider, request=request)
    appointment = services.plan_appointment(
        actor=flow.provider, request=request, starts_at=timezone.now() + datetime.timedelta(days=3)
    )
    Appointment.objects.filter(pk=appointment.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=1)
    )
    services.record_attendance(actor=flow.provider, appointment_id=appointment.pk, attended=True)
    request.refresh_from_db()
    assert request.status == RequestStatus.IN_TREATMENT
    extension = services.request_extension(
        actor=flow.provider, request=request, reason="Meer tijd nodig", extra_sessions=2
    )
    services.decide_extension(actor=flow.requester, extension=extension, approve=True)
    request.refresh_from_db()
    assert request.extra_sessions == 2
    with django_capture_on_commit_callbacks(execute=True):
        services.complete_request(actor=flow.provider, request=request)
    survey_token = link_token(last_mail_to("kees.z@privemail.nl").body, "enquete")
    services.submit_survey(token=survey_token, score_offer=8, score_speed=7, comment="Fijn")
    with pytest.raises(InvalidLink):
        services.submit_survey(token=survey_token, score_offer=1, score_speed=1, comment="")
    statuses = list(request.events.values_list("status", flat=True))
    assert statuses == ["awaiting_consent", "forwarded", "contacted", "planned", "in_treatment", "completed"]


def personal_values_anywhere(values: list[str]) -> list[str]:
    """Every text column of every model that still holds one of the values."""
    found = []
    for model in apps.get_models():
        text_fields = [
            f.name for f in model._meta.get_fields() if isinstance(f, models.CharField | models.TextField)
        ]
        for field, value in itertools.product(text_fields, values):
            if model._default_manager.filter(**{f"{field}__icontains": value}).exists():
                found.append(f"{model.__name__}.{field} holds {value}")
    return found


@pytest.mark.parametrize("how", ["refuse", "expire", "withdraw", "cancel"])
def test_personal_data_is_erased_when_consent_ends(
    flow: Flow, how: str, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        request = flow.submit()
    token = link_token(last_mail_to("kees.z@privemail.nl").body, "toestemming")
    if how == "withdraw":
        with django_capture_on_commit_callbacks(execute=True):
            services.grant_consent(token=token)
        token = link_token(last_mail_to("kees.z@privemail.nl").body, "toestemming/intrekken")
    with django_capture_on_commit_callbacks(execute=True):
        if how == "refuse":
            services.refuse_consent(token=token)
        elif how == "expire":
            InterventionRequest.objects.filter(pk=request.pk).update(
                consent_due_at=timezone.now() - datetime.timedelta(minutes=1)
            )
            assert services.expire_overdue_consents() == 1
        elif how == "withdraw":
            services.withdraw_consent(token=token)
        else:
            services.cancel_request(actor=flow.requester, request=request)
    request.refresh_from_db()
    assert request.status == RequestStatus.CANCELLED and request.personal_data_erased_at is not None
    assert (
        personal_values_anywhere(["Kees Zonnebloem", "kees.z@privemail.nl", "687654321", "na 16 uur"]) == []
    )
    assert request.events.filter(status=RequestStatus.CANCELLED).exists()  # a non-personal trace stays
    assert any(flow.world.users["requester"].email in m.to for m in mail.outbox) or how == "cancel"  # type: ignore[union-attr]
    if how == "withdraw":
        assert request.cancel_reason == CancelReason.WITHDRAWN
        assert any("staff@care.nl" in m.to and request.number in m.subject for m in mail.outbox)
        with pytest.raises(DomainError):
            services.ensure_consent(request)  # no further transfer


def test_consent_links_refuse_reuse_tampering_and_expiry(
    flow: Flow, settings, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        flow.submit()
    token = link_token(last_mail_to("kees.z@privemail.nl").body, "toestemming")
    client = Client()
    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    assert client.get(f"/toestemming/{tampered}/").status_code == 410
    assert client.get(f"/toestemming/{token}/").status_code == 200
    assert client.post(f"/toestemming/{token}/", {"decision": "consent"}).status_code == 200
    assert client.post(f"/toestemming/{token}/", {"decision": "consent"}).status_code == 410  # replayed
    request = InterventionRequest.objects.get()
    assert request.consents.filter(decision=ConsentDecision.GRANTED).count() == 1  # one transfer only
    with django_capture_on_commit_callbacks(execute=True):
        flow.submit(token="t2", email="other@privemail.nl")
    late = link_token(last_mail_to("other@privemail.nl").body, "toestemming")
    settings.INTERVENTION_CONSENT_DAYS = -31  # the signature's age limit is now in the past
    assert client.get(f"/toestemming/{late}/").status_code == 410


def test_a_double_submit_makes_one_request(flow: Flow, client: Client) -> None:
    client.force_login(flow.world.users["requester"])
    collectivity = flow.world.org.collectivities.first()
    data = {
        "collectivity": collectivity.pk,
        "provider": flow.provider.organisation.pk,
        "name": "Kees",  # type: ignore[union-attr]
        "email": "kees@privemail.nl",
        "submit_token": "same-token",
    }
    url = f"/o/acme/interventies/aanvragen/?interventie={flow.intervention.pk}"
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert InterventionRequest.objects.count() == 1


def test_a_request_needs_contact_data_and_refuses_foreign_collectivities(flow: Flow, client: Client) -> None:
    client.force_login(flow.world.users["requester"])
    url = f"/o/acme/interventies/aanvragen/?interventie={flow.intervention.pk}"
    response = client.post(
        url, {"collectivity": 999, "provider": flow.provider.organisation.pk, "submit_token": "x"}
    )
    assert response.status_code == 200 and InterventionRequest.objects.count() == 0
    assert response.context["form"].errors.keys() >= {"collectivity", "name", "email"}


def test_providers_see_only_what_was_forwarded_to_them(
    flow: Flow, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        waiting = flow.submit(token="a", email="a@privemail.nl")
        forwarded = flow.submit(token="b", email="b@privemail.nl")
    with django_capture_on_commit_callbacks(execute=True):
        services.grant_consent(token=link_token(last_mail_to("b@privemail.nl").body, "toestemming"))
    mine, other = Client(), Client()
    mine.force_login(flow.world.users["provider"])
    other.force_login(flow.other_provider.user)
    assert mine.get(f"/o/care/werklijst/{forwarded.pk}/").status_code == 200
    assert mine.get(f"/o/care/werklijst/{waiting.pk}/").status_code == 404
    assert other.get(f"/o/otherprovider/werklijst/{forwarded.pk}/").status_code == 404
    assert other.get(f"/o/care/werklijst/{forwarded.pk}/").status_code == 404
    assert [r["number"] for r in mine.get("/api/v1/o/care/werklijst/").json()["results"]] == [
        forwarded.number
    ]
    assert other.get("/api/v1/o/otherprovider/werklijst/").json()["results"] == []
    assert other.get("/api/v1/o/care/werklijst/").status_code == 404
    assert "b@privemail.nl" not in mine.get("/api/v1/o/care/werklijst/").content.decode()


def test_a_requester_sees_own_requests_and_the_superuser_all(flow: Flow) -> None:
    flow.submit(token="mine")
    flow.submit(token="theirs", actor=flow.superuser)
    requester, superuser = Client(), Client()
    requester.force_login(flow.world.users["requester"])
    superuser.force_login(flow.world.users["superuser"])
    assert requester.get("/o/acme/interventies/").context["page"].paginator.count == 1
    assert superuser.get("/o/acme/interventies/").context["page"].paginator.count == 2
    theirs = InterventionRequest.objects.get(submit_token="theirs")
    # A row: number linked to the request, the intervention, the provider, the status in words (Dutch).
    row = (
        superuser.get("/o/acme/interventies/")
        .content.decode()
        .split(f'href="/o/acme/interventies/{theirs.pk}/"')[1]
    )
    cells = [cell.split("</td>")[0] for cell in row.split('<td class="utrecht-table__cell">')[1:5]]
    assert cells == [
        flow.intervention.title,
        flow.provider.organisation.name,  # type: ignore[attr-defined]
        "Wacht op toestemming medewerker",
        f"{timezone.localdate():%-d-%-m-%Y}",
    ]
    assert requester.get(f"/o/acme/interventies/{theirs.pk}/").status_code == 404
    # The page names the employee: the superuser's read is logged, the refused read is not.
    from werkzorg.audit.models import AuditEvent

    assert superuser.get(f"/o/acme/interventies/{theirs.pk}/").status_code == 200
    reads = AuditEvent.objects.filter(event_type="intervention_read")
    assert [(e.actor_label, e.organisation.slug, e.object_type, e.object_id) for e in reads] == [
        ("main@acme.nl", "acme", "interventionrequest", str(theirs.pk))
    ]
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        job = superuser.post("/o/acme/interventies/exporteren/")
    export = superuser.get(job["Location"] + "downloaden/")
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.parametrize(
    ("now", "starts", "chargeable"),
    [
        # Wednesday 23 December -> Monday 28 December: Thursday 24 and Monday 28 are working days.
        (datetime.datetime(2026, 12, 23, 10), datetime.datetime(2026, 12, 28, 10), False),
        # Thursday 24 December -> Monday 28: Christmas and the weekend leave one working day: charged.
        (datetime.datetime(2026, 12, 24, 10), datetime.datetime(2026, 12, 28, 10), True),
        # Friday -> Tuesday: Monday and Tuesday, two working days: free.
        (datetime.datetime(2026, 11, 27, 10), datetime.datetime(2026, 12, 1, 10), False),
        # Friday -> Monday: one working day: charged.
        (datetime.datetime(2026, 11, 27, 10), datetime.datetime(2026, 11, 30, 10), True),
    ],
)
def test_cancelling_counts_dutch_working_days(
    flow: Flow, now, starts, chargeable, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        request = flow.submit()
    with django_capture_on_commit_callbacks(execute=True):
        services.grant_consent(token=link_token(last_mail_to("kees.z@privemail.nl").body, "toestemming"))
    tz = timezone.get_current_timezone()
    appointment = Appointment.objects.create(
        request=request, starts_at=starts.replace(tzinfo=tz), created_by=flow.provider.user
    )
    cancelled = services.cancel_appointment(
        actor=flow.provider, appointment_id=appointment.pk, now=now.replace(tzinfo=tz)
    )
    assert cancelled.chargeable is chargeable
    assert cancelled.status == (
        AppointmentStatus.CANCELLED_LATE if chargeable else AppointmentStatus.CANCELLED
    )


def test_a_no_show_is_charged(flow: Flow, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        request = flow.submit()
    with django_capture_on_commit_callbacks(execute=True):
        services.grant_consent(token=link_token(last_mail_to("kees.z@privemail.nl").body, "toestemming"))
    appointment = Appointment.objects.create(
        request=request, starts_at=timezone.now() - datetime.timedelta(hours=2), created_by=flow.provider.user
    )
    done = services.record_attendance(actor=flow.provider, appointment_id=appointment.pk, attended=False)
    assert done.status == AppointmentStatus.NO_SHOW and done.chargeable


def test_reminders_are_sent_while_unanswered(flow: Flow, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        request = flow.submit()
    assert services.send_consent_reminders() == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            services.send_consent_reminders(now=request.created_at + datetime.timedelta(days=3, minutes=1))
            == 1
        )
    assert (
        services.send_consent_reminders(now=request.created_at + datetime.timedelta(days=3, minutes=2)) == 0
    )
    assert (
        "Reminder" in last_mail_to("kees.z@privemail.nl").subject
        or "Herinnering" in last_mail_to("kees.z@privemail.nl").subject
    )


def test_survey_scores_reach_the_dashboard_only_as_averages(
    flow: Flow, client: Client, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    for n in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            request = flow.submit(token=f"s{n}", email=f"p{n}@privemail.nl")
        with django_capture_on_commit_callbacks(execute=True):
            services.grant_consent(token=link_token(last_mail_to(f"p{n}@privemail.nl").body, "toestemming"))
        InterventionRequest.objects.filter(pk=request.pk).update(status=RequestStatus.IN_TREATMENT)
        with django_capture_on_commit_callbacks(execute=True):
            services.complete_request(actor=flow.provider, request=request)
        services.submit_survey(
            token=link_token(last_mail_to(f"p{n}@privemail.nl").body, "enquete"),
            score_offer=7 + n,
            score_speed=6 + n,
            comment=f"commentaar {n}",
        )
        client.force_login(flow.world.users["superuser"])
        figures = client.get("/o/acme/dashboard/").context["figures"]
        if n < 2:
            assert figures["survey_offer"] is None  # too few answers to show
    assert figures["survey_offer"] == 8.0 and figures["survey_speed"] == 7.0
    assert b"commentaar" not in client.get("/o/acme/dashboard/").content


def test_list_and_dashboard_queries_do_not_grow_with_the_number_of_requests(
    flow: Flow, client: Client
) -> None:
    client.force_login(flow.world.users["superuser"])

    def make(count: int) -> None:
        template = flow.submit(token=f"tpl{count}")
        InterventionRequest.objects.bulk_create(
            [
                InterventionRequest(
                    number=f"B{count}-{n}",
                    organisation=template.organisation,
                    collectivity=template.collectivity,
                    intervention=template.intervention,
                    provider=template.provider,
                    category="mental",
                    requested_by=template.requested_by,
                    consent_due_at=template.consent_due_at,
                    submit_token=f"bulk{count}-{n}",
                    status=RequestStatus.FORWARDED,
                    consented_at=timezone.now(),
                    forwarded_at=timezone.now(),
                )
                for n in range(count)
            ],
            batch_size=2000,
        )

    make(10)
    assert_constant_queries(client, ["/o/acme/interventies/", "/o/acme/dashboard/"], lambda: make(10_000))


def test_another_requesters_request_cannot_be_cancelled_or_decided(flow: Flow, client: Client) -> None:
    request = flow.submit()
    client.force_login(flow.world.users["user_manager"])  # may request, but this one is not theirs
    assert client.post(f"/o/acme/interventies/{request.pk}/annuleren/").status_code == 404
    request.refresh_from_db()
    assert request.status == RequestStatus.AWAITING_CONSENT


def test_an_authorised_physician_requests_and_sees_only_own_requests(flow: Flow, client: Client) -> None:
    from werkzorg.access import resolve_actor

    physician = resolve_actor(flow.world.users["physician"], flow.world.org.slug)  # type: ignore[arg-type]
    request = flow.submit(actor=physician, token="doc")
    assert request.requested_as_physician
    flow.submit(token="someone-else")
    client.force_login(flow.world.users["physician"])
    assert client.get("/o/acme/interventies/").context["page"].paginator.count == 1


def test_the_desk_imports_the_catalogue_all_or_nothing(flow: Flow, client: Client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from werkzorg.interventions.models import Intervention

    client.force_login(flow.world.users["desk"])
    url = "/desk/interventions/intervention/importeren/"
    header = "titel;categorie;samenvatting;prijs;sessies;weken;vorm;regio's;aanbieders\n"
    bad = header + "Nieuw aanbod;mental;Kort;100;3;4;online;UT;care\nFout;unknown;x;-5;x;1;fax;XX;nobody\n"
    response = client.post(url, {"file": SimpleUploadedFile("c.csv", bad.encode())})
    assert response.status_code == 200 and not Intervention.objects.filter(title="Nieuw aanbod").exists()
    good = header + "Nieuw aanbod;mental;Kort;100,50;3;4;online;UT,NB;care\n"
    assert client.post(url, {"file": SimpleUploadedFile("c.csv", good.encode())}).status_code == 302
    item = Intervention.objects.get(title="Nieuw aanbod")
    assert str(item.price_excl_vat) == "100.50" and item.regions.count() == 2
    assert list(item.providers.values_list("slug", flat=True)) == ["care"]


def test_an_english_speaking_employee_gets_english_mails_and_pages(
    flow: Flow, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    from django.utils import translation

    with translation.override("nl"), django_capture_on_commit_callbacks(execute=True):
        services.submit_request(
            actor=flow.requester,
            intervention=flow.intervention,
            collectivity=flow.world.org.collectivities.first(),  # type: ignore[arg-type]
            provider=flow.provider.organisation,
            employee=None,
            name="Jane Doe",
            email="jane@privemail.nl",
            phone="",
            note="",
            submit_token="en",
            language="en",
        )
    message = last_mail_to("jane@privemail.nl")
    assert "consent" in message.subject and message.body.startswith("Dear Jane")
    page = Client().get(f"/toestemming/{link_token(message.body, 'toestemming')}/")
    assert "Do you consent?" in page.content.decode()


def test_cancelling_every_appointment_takes_the_request_back_to_contacted(
    flow: Flow, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        request = flow.submit()
    services.grant_consent(token=link_token(last_mail_to("kees.z@privemail.nl").body, "toestemming"))
    first = services.plan_appointment(
        actor=flow.provider, request=request, starts_at=timezone.now() + datetime.timedelta(days=10)
    )
    second = services.plan_appointment(
        actor=flow.provider, request=request, starts_at=timezone.now() + datetime.timedelta(days=17)
    )
    services.cancel_appointment(actor=flow.provider, appointment_id=first.pk)
    request.refresh_from_db()
    assert request.status == RequestStatus.PLANNED  # one appointment is still planned
    services.cancel_appointment(actor=flow.provider, appointment_id=second.pk)
    request.refresh_from_db()
    assert request.status == RequestStatus.CONTACTED


def test_the_request_page_costs_the_same_with_a_longer_history(
    flow: Flow, client: Client, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        request = flow.submit()
    services.grant_consent(token=link_token(last_mail_to("kees.z@privemail.nl").body, "toestemming"))
    client.force_login(flow.world.users["requester"])

    def grow() -> None:
        for days in (3, 10, 17):
            services.plan_appointment(
                actor=flow.provider, request=request, starts_at=timezone.now() + datetime.timedelta(days=days)
            )
        for sessions in (1, 2):
            extension = services.request_extension(
                actor=flow.provider, request=request, reason="meer nodig", extra_sessions=sessions
            )
            services.decide_extension(actor=flow.requester, extension=extension, approve=sessions == 1)

    assert_constant_queries(client, [f"/o/acme/interventies/{request.pk}/"], grow)
    page = client.get(f"/o/acme/interventies/{request.pk}/").content.decode()
    assert page.count("werkzorg-panel") == 2 and flow.world.users["requester"].full_name in page


def test_a_decided_extension_is_on_the_requests_timeline(
    flow: Flow, client: Client, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        request = flow.submit()
    services.grant_consent(token=link_token(last_mail_to("kees.z@privemail.nl").body, "toestemming"))
    services.plan_appointment(
        actor=flow.provider, request=request, starts_at=timezone.now() + datetime.timedelta(days=3)
    )
    extension = services.request_extension(
        actor=flow.provider, request=request, reason="meer nodig", extra_sessions=2
    )
    services.decide_extension(actor=flow.requester, extension=extension, approve=True)
    client.force_login(flow.world.users["requester"])
    client.cookies["django_language"] = "en"
    page = client.get(f"/o/acme/interventies/{request.pk}/").content.decode()
    timeline = page[page.index("werkzorg-timeline") :]
    assert "Extension approved: 2 extra sessions" in timeline[: timeline.index("</ol>")]
    assert Extension.objects.get(pk=extension.pk).decided_at is not None


def test_the_requests_page_shows_each_part_in_the_order_it_happened(
    flow: Flow, client: Client, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    """Sorted by time, not by when the rows were written: appointments by start, extensions by request,
    the timeline's steps and extension decisions interleaved by when they happened."""
    with django_capture_on_commit_callbacks(execute=True):
        request = flow.submit()
    services.grant_consent(token=link_token(last_mail_to("kees.z@privemail.nl").body, "toestemming"))
    start = timezone.make_aware(datetime.datetime(2027, 1, 4, 9, 0))
    for days in (5, 2):  # the later one planned first
        services.plan_appointment(
            actor=flow.provider, request=request, starts_at=start + datetime.timedelta(days=days)
        )
    first = services.request_extension(
        actor=flow.provider, request=request, reason="eerste", extra_sessions=1
    )
    services.decide_extension(actor=flow.requester, extension=first, approve=True)
    second = services.request_extension(
        actor=flow.provider, request=request, reason="tweede", extra_sessions=2
    )
    services.decide_extension(actor=flow.requester, extension=second, approve=False)
    t0 = timezone.make_aware(datetime.datetime(2026, 11, 2, 9, 0))
    hours = [t0 + datetime.timedelta(hours=n) for n in range(8)]
    events = list(StatusEvent.objects.filter(request=request).order_by("pk"))
    assert [e.status for e in events] == ["awaiting_consent", "forwarded", "planned"]
    for event, at in zip(events, (hours[0], hours[1], hours[6]), strict=True):
        StatusEvent.objects.filter(pk=event.pk).update(at=at)
    # The second was asked for first, and decided on first.
    Extension.objects.filter(pk=first.pk).update(requested_at=hours[3], decided_at=hours[5])
    Extension.objects.filter(pk=second.pk).update(requested_at=hours[2], decided_at=hours[4])

    client.force_login(flow.world.users["requester"])
    client.cookies["django_language"] = "en"
    page = client.get(f"/o/acme/interventies/{request.pk}/").content.decode()
    timeline = page[page.index("werkzorg-timeline") :]
    steps = re.findall(r"<li><strong>(.*?)</strong>", timeline[: timeline.index("</ol>")])
    assert steps == [
        "Awaiting the employee&#x27;s consent",
        "Forwarded to the provider",
        "Extension rejected",
        "Extension approved: 1 extra session",
        "Planned",
    ]
    appointments = page[page.index('<h2 class="utrecht-heading-2">Appointments</h2>') :]
    assert appointments.index("6 January 2027") < appointments.index("9 January 2027")
    assert page.index("tweede") < page.index("eerste")


def test_the_dashboard_counts_each_status_once(flow: Flow, client: Client) -> None:
    """Hand-counted: two forwarded, one completed, one cancelled, nothing else."""
    made = [flow.submit(token=f"count{n}", email=f"c{n}@privemail.nl") for n in range(4)]
    for request, status in zip(
        made,
        [RequestStatus.FORWARDED, RequestStatus.FORWARDED, RequestStatus.COMPLETED, RequestStatus.CANCELLED],
        strict=True,
    ):
        InterventionRequest.objects.filter(pk=request.pk).update(status=status)
    client.force_login(flow.world.users["superuser"])
    figures = client.get("/o/acme/dashboard/").context["figures"]
    counts = {status: n for status, _label, n in figures["by_status"] if n}
    assert counts == {"forwarded": 2, "completed": 1, "cancelled": 1}
    assert figures["total"] == 4


def test_every_status_change_is_published_to_subscribed_clients_without_personal_data(flow: Flow) -> None:
    from werkzorg.core.crypto import encrypt
    from werkzorg.integrations.models import WebhookDelivery, WebhookSubscription
    from werkzorg.integrations.tests.factories import make_client

    client = make_client(flow.world.org, flow.world.users["superuser"])
    subscription = WebhookSubscription.objects.create(
        client=client,
        organisation=flow.world.org,
        url="https://hooks.example.invalid/x",
        events=["intervention.status_changed"],
        secret_encrypted=encrypt("s"),
    )
    request = flow.submit(name="Kees Zonnebloem")
    (delivery,) = WebhookDelivery.objects.filter(subscription=subscription)
    assert delivery.payload["data"]["request"] == request.number
    assert delivery.payload["data"]["status"] == "awaiting_consent"
    assert "Zonnebloem" not in json.dumps(delivery.payload) and "privemail" not in json.dumps(
        delivery.payload
    )
