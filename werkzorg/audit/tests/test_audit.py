import pytest
from django.db import DatabaseError, connection

from tests.personas import World
from werkzorg.audit.events import AuditEventType
from werkzorg.audit.models import AuditEvent
from werkzorg.employees.models import EmployeeEvent


def test_the_application_cannot_change_or_delete_events(world: World) -> None:
    event = AuditEvent.objects.create(event_type=AuditEventType.LOGIN)
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().update(detail="x")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    with pytest.raises(DatabaseError), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET detail = 'x'")


def test_reading_an_employee_and_the_log_is_logged(world: World, client) -> None:  # type: ignore[no-untyped-def]
    employee = world.objects["employee"]
    client.force_login(world.users["superuser"])
    response = client.get(f"/o/acme/medewerkers/{employee.pk}/")  # type: ignore[attr-defined]
    assert response.status_code == 200
    read = AuditEvent.objects.get(event_type=EmployeeEvent.EMPLOYEE_READ)
    assert read.subject_id == str(employee.pk) and read.organisation == world.org  # type: ignore[attr-defined]
    assert employee.last_name not in read.detail  # type: ignore[attr-defined]
    client.get("/o/acme/logboek/")
    assert AuditEvent.objects.filter(event_type=AuditEventType.AUDIT_LOG_READ).exists()


def test_the_log_shows_the_members_sign_ins_but_not_others(world: World, client) -> None:  # type: ignore[no-untyped-def]
    from werkzorg.audit.services import record

    record(AuditEventType.LOGIN, user=world.users["requester"])
    record(AuditEventType.LOGIN, user=world.users["other_superuser"])
    client.force_login(world.users["superuser"])
    page = client.get("/o/acme/logboek/?soort=login")
    shown = {e.actor_label for e in page.context["page"].object_list}
    assert "requester@acme.nl" in shown and "main@globex.nl" not in shown
