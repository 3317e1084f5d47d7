"""Counts stop at the cap; the pages and the words say so; every list, the users list included, is paged."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import MembershipFactory
from tests.personas import World
from werkzorg.core.paging import CappedPaginator
from werkzorg.employees.models import Employee
from werkzorg.employees.tests.factories import EmployeeFactory


@pytest.fixture
def cap_of_five(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CappedPaginator, "cap", 5)


def test_a_count_over_the_cap_says_so_and_reads_no_further(world: World, cap_of_five: None) -> None:
    EmployeeFactory.create_batch(7, organisation=world.org, department="Paging")
    paginator = CappedPaginator(Employee.objects.filter(department="Paging").order_by("pk"), 2)
    with CaptureQueriesContext(connection) as queries:
        assert paginator.count == 5
    assert paginator.capped is True
    assert paginator.num_pages == 3  # 5 rows counted, two per page
    assert "LIMIT 6" in queries.captured_queries[0]["sql"]


def test_a_count_under_the_cap_is_exact(world: World, cap_of_five: None) -> None:
    EmployeeFactory.create_batch(4, organisation=world.org, department="Paging")
    paginator = CappedPaginator(Employee.objects.filter(department="Paging").order_by("pk"), 2)
    assert (paginator.count, paginator.capped, paginator.num_pages) == (4, False, 2)


def test_a_list_over_the_cap_tells_the_reader(world: World, client, cap_of_five: None) -> None:  # type: ignore[no-untyped-def]
    EmployeeFactory.create_batch(7, organisation=world.org)
    client.cookies["django_language"] = "en"
    client.force_login(world.users["superuser"])
    text = client.get("/o/acme/medewerkers/?toon=alle").content.decode()
    assert "More than 5 employees" in text
    assert "Page 1 of more than 1" in text
    assert "Only the first 5 are shown here" in text


def test_the_users_list_is_paged(world: World, client) -> None:  # type: ignore[no-untyped-def]
    before = world.org.memberships.count()
    MembershipFactory.create_batch(55, organisation=world.org)
    client.force_login(world.users["superuser"])
    first = client.get("/o/acme/gebruikers/")
    assert len(first.context["page"].object_list) == 50
    assert first.context["page"].paginator.count == before + 55
    second = client.get("/o/acme/gebruikers/?pagina=2")
    assert len(second.context["page"].object_list) == before + 5


def test_the_cap_is_ten_thousand() -> None:
    assert CappedPaginator.cap == 10_000
