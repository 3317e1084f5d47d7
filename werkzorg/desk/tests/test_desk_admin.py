"""The desk works through services: its edits and its reads of a person are audited with the desk as actor."""

from __future__ import annotations

import pytest
from django.db import transaction

from tests.personas import World
from werkzorg.access import resolve_actor
from werkzorg.audit.models import AuditEvent
from werkzorg.employees import services as employee_services


def test_an_edit_in_the_desk_is_audited_with_the_desk_as_actor(world: World, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users["desk"])
    url = "/desk/organisations/practitioner/add/"
    data = {
        "agb_code": "11112222",
        "name": "dr. Nieuw",
        "profession": "Bedrijfsarts",
        "big_number": "",
        "email": "",
    }
    assert client.post(url, data).status_code == 302
    created = AuditEvent.objects.get(event_type="desk_created")
    assert created.actor_role == "desk" and created.object_type == "practitioner"
    assert "agb_code" in created.detail and "dr. Nieuw" not in created.detail  # field names, never the data


def test_opening_a_person_in_the_desk_is_audited(world: World, client) -> None:  # type: ignore[no-untyped-def]
    employee = world.objects["employee"]
    client.force_login(world.users["desk"])
    assert client.get(f"/desk/employees/employee/{employee.pk}/change/").status_code == 200  # type: ignore[attr-defined]
    read = AuditEvent.objects.get(event_type="desk_read")
    assert (read.actor_role, read.subject_id, read.organisation) == ("desk", str(employee.pk), world.org)  # type: ignore[attr-defined]


def test_someone_who_is_not_desk_staff_sees_no_desk_page(world: World, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users["superuser"])
    assert client.get("/desk/employees/employee/").status_code == 302  # to the desk's sign-in


def test_the_audit_log_in_the_desk_is_read_only_and_reading_it_is_logged(world: World, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users["desk"])
    assert client.get("/desk/audit/auditevent/").status_code == 200
    assert AuditEvent.objects.filter(event_type="audit_log_read", actor_role="desk").exists()
    assert client.get("/desk/audit/auditevent/add/").status_code == 403


@pytest.mark.django_db(transaction=True)
def test_a_top_level_service_refuses_to_run_inside_another_transaction() -> None:
    """Durable: an outer transaction could otherwise roll it back after its e-mails were promised."""
    from tests.personas import build_world

    world = build_world()
    actor = resolve_actor(world.users["superuser"], "acme")  # type: ignore[arg-type]
    data = {"employee_number": "D1", "first_name": "A", "last_name": "B"}
    with pytest.raises(RuntimeError, match="durable"), transaction.atomic():
        employee_services.create_employee(actor=actor, data=data)


def test_the_desk_opening_the_list_of_employees_is_audited(world: World, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users["desk"])
    assert client.get("/desk/employees/employee/").status_code == 200
    assert AuditEvent.objects.filter(event_type="desk_read", detail="list: employee").exists()
