"""Insured people through the pages and services: mutations, limits, scoping per collectivity, the BSN."""

from __future__ import annotations

import datetime
import io
import logging
from unittest import mock

import pytest
from django.test import Client, TestCase
from openpyxl import load_workbook

from tests.personas import World
from tests.queries import assert_constant_queries, frozen_activity_clock, queries_for
from werkzorg.access import resolve_actor
from werkzorg.audit.models import AuditEvent
from werkzorg.core.errors import DomainError
from werkzorg.insurance import services
from werkzorg.insurance.models import Coverage, InsuredPerson, Mutation, MutationKind, Relation
from werkzorg.insurance.services.statements import issue_statement
from werkzorg.insurance.tests.factories import contract, insured, product

pytestmark = pytest.mark.django_db
D = datetime.date
CANARY_BSN = "999999990"


def _today(day: datetime.date):  # type: ignore[no-untyped-def]
    return mock.patch("django.utils.timezone.localdate", return_value=day)


def test_a_mutation_may_go_back_three_months_by_default(world: World, english: None) -> None:
    person = world.objects["insured"]
    actor = resolve_actor(world.users["insurance"], "acme")
    with _today(D(2026, 12, 2)), pytest.raises(DomainError) as refused:
        services.deregister(actor=actor, insured_id=person.pk, end_date=D(2026, 9, 1))  # type: ignore[attr-defined]
    assert refused.value.field == "end_date" and "2 September 2026" in str(refused.value.message)
    with _today(D(2026, 12, 2)):
        services.deregister(actor=actor, insured_id=person.pk, end_date=D(2026, 9, 2))  # type: ignore[attr-defined]
    assert InsuredPerson.objects.get(pk=person.pk).end_date == D(2026, 9, 2)  # type: ignore[attr-defined]


def test_the_end_date_cannot_be_before_the_start(world: World, english: None) -> None:
    made = contract(world.org, start=D(2026, 3, 1))
    person = insured(made)
    actor = resolve_actor(world.users["insurance"], "acme")
    with _today(D(2026, 3, 10)), pytest.raises(DomainError, match="before"):
        services.deregister(actor=actor, insured_id=person.pk, end_date=D(2026, 2, 28))
    assert not Mutation.objects.filter(insured=person).exists()


def test_the_history_keeps_every_mutation_with_who_and_when(world: World, client) -> None:  # type: ignore[no-untyped-def]
    person = world.objects["insured"]
    client.force_login(world.users["insurance"])
    url = f"/o/acme/verzekerden/{person.pk}/"  # type: ignore[attr-defined]
    response = client.post(url + "werknemersnummer/", {"employee_number": "88001"})
    assert response.status_code == 302
    with _today(D(2026, 12, 2)):
        client.post(url + "afmelden/", {"end_date": "2026-11-30", "reason": "Uit dienst"})
    kinds = list(Mutation.objects.filter(insured=person).order_by("pk").values_list("kind", "effective_date"))
    assert [k for k, _ in kinds] == [MutationKind.EMPLOYEE_NUMBER, MutationKind.DEREGISTERED]
    assert kinds[1][1] == D(2026, 11, 30)
    page = client.get(url).content.decode()
    assert "Uit dienst" in page and "30-11-2026" in page and "88001" in page


def test_a_family_member_has_no_employee_number(world: World, english: None) -> None:
    person = world.objects["insured"]
    child = insured(world.objects["contract"], relation=Relation.CHILD, holder=person, born=D(2016, 1, 1))  # type: ignore[arg-type]
    actor = resolve_actor(world.users["insurance"], "acme")
    with pytest.raises(DomainError, match="policyholder"):
        services.change_employee_number(actor=actor, insured_id=child.pk, employee_number="1")
    # The child's page lists the family, the policyholder linked to their own page.
    client = Client()
    client.force_login(world.users["insurance"])
    page = client.get(f"/o/acme/verzekerden/{child.pk}/").content.decode()
    assert (
        f'<a class="utrecht-link" href="/o/acme/verzekerden/{person.pk}/">{person.display_name}</a>' in page
    )  # type: ignore[attr-defined]
    # The child's row in the list: policy number, no employee number, relation in words, date of
    # birth, collectivity, start, open end.
    listing = client.get("/o/acme/verzekerden/").content.decode()
    row = listing.split(f'href="/o/acme/verzekerden/{child.pk}/">')[1].split("</tr>")[0]
    cells = [
        cell.split(">", 1)[1].split("</td>")[0] for cell in row.split('<td class="utrecht-table__cell')[1:]
    ]
    start = child.start_date
    assert cells == [
        child.policy_number,
        "–",
        "Kind",
        "01-01-2016",
        world.objects["contract"].collectivity.name,  # type: ignore[attr-defined]
        f"{start.day:02d}-{start.month:02d}-{start.year}",
        "–",
    ]


def test_the_role_limited_to_one_collectivity_sees_nothing_of_another(world: World, client) -> None:  # type: ignore[no-untyped-def]
    from werkzorg.organisations.models import Membership

    second = contract(world.org)
    theirs = insured(second, last_name="Zichtbaar")
    issue_statement(actor=None, contract=second, month=D(2026, 1, 1))
    membership = Membership.objects.get(user=world.users["insurance"], organisation=world.org)
    membership.insurance_collectivities.set([second.collectivity])
    client.force_login(world.users["insurance"])
    hidden = world.objects["insured"]
    assert client.get(f"/o/acme/verzekerden/{hidden.pk}/").status_code == 404  # type: ignore[attr-defined]
    assert client.get(f"/o/acme/borderellen/{world.objects['statement'].pk}/").status_code == 404  # type: ignore[attr-defined]
    assert client.get(f"/o/acme/verzekerden/{theirs.pk}/").status_code == 200
    listing = client.get("/o/acme/verzekerden/").content.decode()
    assert "Zichtbaar" in listing and hidden.last_name + "</a>" not in listing.replace("Zichtbaar</a>", "")  # type: ignore[attr-defined]
    assert client.get("/o/acme/borderellen/").content.decode().count("/borderellen/") >= 1
    # The main account holder, not limited, sees both.
    client.force_login(world.users["superuser"])
    assert client.get(f"/o/acme/verzekerden/{hidden.pk}/").status_code == 200  # type: ignore[attr-defined]


def test_the_bsn_is_shown_only_on_request_and_never_logged(world: World, client, caplog) -> None:  # type: ignore[no-untyped-def]
    person = insured(world.objects["contract"], bsn=CANARY_BSN)  # type: ignore[arg-type]
    client.force_login(world.users["insurance"])
    caplog.set_level(logging.DEBUG)
    page = client.get(f"/o/acme/verzekerden/{person.pk}/")
    assert CANARY_BSN not in page.content.decode()
    shown = client.post(f"/o/acme/verzekerden/{person.pk}/bsn/")
    assert CANARY_BSN in shown.content.decode() and "no-store" in shown["Cache-Control"]
    assert AuditEvent.objects.filter(event_type="bsn_shown", subject_id=str(person.pk)).exists()
    rows = AuditEvent.objects.values_list("detail", "object_id", "subject_id", "actor_label")
    assert not any(CANARY_BSN in " ".join(map(str, row)) for row in rows)
    assert CANARY_BSN not in caplog.text
    assert CANARY_BSN not in InsuredPerson.objects.get(pk=person.pk).bsn_encrypted
    searched = client.post("/o/acme/verzekerden/", {"q": CANARY_BSN})  # a search never lands in a URL
    assert searched.status_code == 302 and CANARY_BSN not in searched["Location"]
    assert CANARY_BSN not in client.get(searched["Location"]).content.decode().replace(
        f'value="{CANARY_BSN}"', ""
    )


def test_a_bad_bsn_is_refused_without_repeating_it() -> None:
    with pytest.raises(DomainError) as refused:
        services.clean_bsn("123456789")
    assert "123456789" not in str(refused.value.message)
    assert services.clean_bsn("111222333") == "111222333"


def test_the_short_list_has_the_chosen_columns_and_leavers_of_a_month(world: World, client) -> None:  # type: ignore[no-untyped-def]
    made = world.objects["contract"]
    insured(made, end=D(2026, 3, 31), last_name="=Vertrokken")  # type: ignore[arg-type]
    insured(made, end=D(2026, 4, 30), last_name="Later")  # type: ignore[arg-type]
    client.force_login(world.users["insurance"])
    listing = client.get("/o/acme/verzekerden/?left_in=2026-03").content.decode()
    assert "=Vertrokken" in listing and "Later" not in listing
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            "/o/acme/verzekerden/exporteren/",
            {"left_in": "2026-03", "columns": ["policy_number", "last_name", "end_date"], "format": "xlsx"},
        )
    job = client.get(response["Location"])
    assert job.status_code == 200
    from werkzorg.jobs.models import Job

    result = Job.objects.get(kind="insurance.short_list").result.read()
    sheet = load_workbook(io.BytesIO(result)).active
    rows = list(sheet.values)  # type: ignore[union-attr]
    assert rows[0] == ("polisnummer", "achternaam", "einddatum")
    assert [r[1] for r in rows[1:]] == ["=Vertrokken"]
    assert sheet.cell(row=2, column=2).data_type == "s"  # type: ignore[union-attr]  # text, never a formula


def test_the_list_costs_the_same_queries_for_10_or_300_people(world: World, client) -> None:  # type: ignore[no-untyped-def]
    made = world.objects["contract"]
    for _ in range(10):
        insured(made)  # type: ignore[arg-type]
    client.force_login(world.users["insurance"])

    def grow() -> None:
        for _ in range(290):
            insured(made, products=[])  # type: ignore[arg-type]

    assert_constant_queries(
        client, ["/o/acme/verzekerden/", "/o/acme/verzekerden/?status=current&sort=-start_date"], grow
    )


def test_a_persons_page_costs_the_same_queries_with_a_family_and_a_history(world: World, client) -> None:  # type: ignore[no-untyped-def]
    made = world.objects["contract"]
    holder = insured(made, products=["BASIS"])  # type: ignore[arg-type]
    client.force_login(world.users["insurance"])
    actor = resolve_actor(world.users["insurance"], "acme")

    def grow() -> None:
        for code in ("AV", "TAND"):
            Coverage.objects.create(insured=holder, product=product(code), start_date=holder.start_date)
        for born in (D(1982, 3, 1), D(2012, 6, 1), D(2015, 9, 1)):
            insured(made, relation=Relation.CHILD, holder=holder, born=born)  # type: ignore[arg-type]
        with _today(D(2026, 3, 2)):
            for number in ("W1", "W2", "W3"):
                services.change_employee_number(actor=actor, insured_id=holder.pk, employee_number=number)

    assert_constant_queries(client, [f"/o/acme/verzekerden/{holder.pk}/"], grow)


def test_a_persons_page_lists_products_by_kind_and_name_and_the_newest_mutation_first(
    world: World, client
) -> None:  # type: ignore[no-untyped-def]
    made = world.objects["contract"]
    for code, kind in (("TAND", "dental"), ("AV", "supplementary"), ("AA", "supplementary")):
        product(code, kind)
    holder = insured(made, products=["TAND", "AV", "BASIS", "AA"])  # type: ignore[arg-type]
    actor = resolve_actor(world.users["insurance"], "acme")
    with _today(D(2026, 3, 2)):
        for number in ("W1", "W2", "W3"):
            services.change_employee_number(actor=actor, insured_id=holder.pk, employee_number=number)
    # Entered in the order W1, W2, W3; the second is given the latest time, the first the earliest.
    entered = datetime.datetime(2026, 3, 2, 10, tzinfo=datetime.UTC)
    mutations = Mutation.objects.filter(insured=holder).order_by("pk")
    for mutation, (hours, day) in zip(mutations, ((0, 1), (2, 2), (1, 3)), strict=True):
        Mutation.objects.filter(pk=mutation.pk).update(
            entered_at=entered + datetime.timedelta(hours=hours), effective_date=D(2026, 1, day)
        )
    client.force_login(world.users["insurance"])
    page = client.get(f"/o/acme/verzekerden/{holder.pk}/").content.decode()
    # Kinds sort as their stored names: basic, dental, supplementary; then by name.
    products = ["Product BASIS", "Product TAND", "Product AA", "Product AV"]
    assert sorted(products, key=page.index) == products
    history = page[page.index('<tbody class="utrecht-table__body">') :]
    dates = ["02-01-2026", "03-01-2026", "01-01-2026"]
    assert sorted(dates, key=history.index) == dates


def test_the_deregistration_page_says_from_which_date_on_before_anything_is_tried(
    world: World, client
) -> None:  # type: ignore[no-untyped-def]
    person = world.objects["insured"]  # in the collectivity since 1 January 2026, 3 months back allowed
    client.force_login(world.users["insurance"])
    with _today(D(2026, 12, 2)):
        page = client.get(f"/o/acme/verzekerden/{person.pk}/afmelden/").content.decode()  # type: ignore[attr-defined]
    assert 'min="2026-09-02"' in page
    assert "U kunt een datum kiezen vanaf 2 september 2026" in page


def test_the_main_account_holder_limits_the_insurance_role_to_chosen_collectivities(
    world: World, client
) -> None:  # type: ignore[no-untyped-def]
    from werkzorg.organisations.models import Membership

    second = contract(world.org)
    membership = Membership.objects.get(user=world.users["insurance"], organisation=world.org)
    client.force_login(world.users["superuser"])
    url = f"/o/acme/gebruikers/{membership.pk}/"
    page = client.get(url)
    assert page.status_code == 200 and second.collectivity.name in page.content.decode()
    grants = {
        "role_insurance": "on",
        "version": membership.version,
        "insurance_collectivities": [second.collectivity_id],
    }
    assert client.post(url, grants).status_code == 302
    assert list(membership.insurance_collectivities.values_list("pk", flat=True)) == [second.collectivity_id]
    client.force_login(world.users["insurance"])
    assert client.get(f"/o/acme/verzekerden/{world.objects['insured'].pk}/").status_code == 404  # type: ignore[attr-defined]


def test_key_rotation_reencrypts_every_bsn(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    from cryptography.fernet import Fernet

    from werkzorg.core import crypto

    person = insured(world.objects["contract"], bsn=CANARY_BSN)  # type: ignore[arg-type]
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), old_key]
    assert crypto.rotate_all()["citizen service numbers"] >= 2
    settings.FIELD_ENCRYPTION_KEYS = settings.FIELD_ENCRYPTION_KEYS[:1]
    assert crypto.decrypt(InsuredPerson.objects.get(pk=person.pk).bsn_encrypted) == CANARY_BSN


def test_statement_and_inbox_pages_cost_the_same_queries_as_data_grows(world: World, client) -> None:  # type: ignore[no-untyped-def]
    from tests.queries import frozen_activity_clock, queries_for
    from werkzorg.inbox.models import MessageKind
    from werkzorg.inbox.services import deliver

    small, large = contract(world.org), contract(world.org)
    insured(small)
    for _ in range(60):
        insured(large, products=["BASIS", "AV"])
    first = [issue_statement(actor=None, contract=c, month=D(2026, 1, 1)) for c in (small, large)]
    client.force_login(world.users["insurance"])
    with frozen_activity_clock():
        client.get("/o/acme/")
        pages = [f"/o/acme/borderellen/{s.pk}/" for s in first]
        assert queries_for(client, pages[0]) == queries_for(client, pages[1])

    def grow() -> None:
        for month in range(2, 8):
            issue_statement(actor=None, contract=large, month=D(2026, month, 1))
        for n in range(30):
            deliver(organisation=world.org, kind=MessageKind.DESK, title=f"Bericht {n}")

    assert_constant_queries(
        client,
        [
            "/o/acme/borderellen/",
            "/o/acme/postvak/",
            f"/o/acme/premiecontrole/?collectiviteit={large.collectivity_id}",
        ],
        grow,
    )


def test_the_list_escapes_what_people_typed(world: World, client) -> None:  # type: ignore[no-untyped-def]
    made = world.objects["contract"]
    person = insured(made, last_name='<b>Brood & "Spelen"', employee_number="<i>7</i>")  # type: ignore[arg-type]
    client.force_login(world.users["insurance"])
    listing = client.get("/o/acme/verzekerden/").content.decode()
    assert "<b>Brood" not in listing and "<i>7" not in listing
    assert (
        f'<a class="utrecht-link" href="/o/acme/verzekerden/{person.pk}/">'
        f"{person.first_name} &lt;b&gt;Brood &amp; &quot;Spelen&quot;</a>"
    ) in listing
    assert '<td class="utrecht-table__cell">&lt;i&gt;7&lt;/i&gt;</td>' in listing


def test_a_family_members_page_reads_their_policyholder_with_them(world: World, client) -> None:  # type: ignore[no-untyped-def]
    """Counted by hand: the session, the user with their standing, the organisation's contract links, the
    person with their policyholder's name, collectivity and contract, the audit row, the family, the
    coverages and the history. A column the page shows but the read left out costs one more."""
    made = world.objects["contract"]
    holder = insured(made, products=["BASIS"])  # type: ignore[arg-type]
    child = insured(made, relation=Relation.CHILD, holder=holder, born=D(2012, 6, 1))  # type: ignore[arg-type]
    client.force_login(world.users["insurance"])
    url = f"/o/acme/verzekerden/{child.pk}/"
    with frozen_activity_clock():
        client.get(url)
        assert queries_for(client, url) == 8
    page = client.get(url).content.decode()
    assert holder.display_name in page
    assert str(made.collectivity) in page  # name (customer number/collectivity number)


def test_the_insurance_menu_is_in_the_language_of_each_page(world: World, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users["insurance"])
    for language, words in (
        ("nl", "Premiecontrole"),
        ("en", "Premium reconciliation"),
        ("nl", "Premiecontrole"),
    ):
        client.cookies["django_language"] = language
        page = client.get("/o/acme/verzekerden/").content.decode()
        menu = page[page.index('class="werkzorg-subnav"') :]
        assert words in menu[: menu.index("</nav>")]
