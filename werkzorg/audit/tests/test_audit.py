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
    response = client.get(  # type: ignore[attr-defined]
        f"/o/acme/medewerkers/{employee.pk}/", REMOTE_ADDR="192.0.2.7", HTTP_USER_AGENT="Firefox/140"
    )
    assert response.status_code == 200
    read = AuditEvent.objects.get(event_type=EmployeeEvent.EMPLOYEE_READ)
    assert read.subject_id == str(employee.pk) and read.organisation == world.org  # type: ignore[attr-defined]
    # NEN 7513: who, in which capacity, when, and where from.
    assert (read.actor_label, read.subject_type, read.object_type, read.outcome) == (
        "main@acme.nl",
        "employee",
        "employee",
        "success",
    )
    assert (read.ip_address, read.user_agent) == ("192.0.2.7", "Firefox/140")
    assert read.actor_role and read.occurred_at is not None
    assert employee.last_name not in read.detail  # type: ignore[attr-defined]
    client.get("/o/acme/logboek/")
    assert AuditEvent.objects.filter(event_type=AuditEventType.AUDIT_LOG_READ).exists()


def test_the_log_shows_only_what_happened_in_the_organisation(world: World, client) -> None:  # type: ignore[no-untyped-def]
    from werkzorg.access import resolve_actor
    from werkzorg.audit.services import record

    record(AuditEventType.LOGIN, user=world.users["requester"])  # a person's sign-in, before or elsewhere
    record(EmployeeEvent.EMPLOYEE_SEARCHED, actor=resolve_actor(world.users["requester"], "acme"))  # type: ignore[arg-type]
    record(EmployeeEvent.EMPLOYEE_SEARCHED, actor=resolve_actor(world.users["other_superuser"], "globex"))  # type: ignore[arg-type]
    client.force_login(world.users["superuser"])
    shown = [
        (e.event_type, e.actor_label) for e in client.get("/o/acme/logboek/").context["page"].object_list
    ]
    assert ("employee_searched", "requester@acme.nl") in shown
    assert not [s for s in shown if s[0] == "login" or s[1] == "main@globex.nl"]


def test_an_organisation_with_events_cannot_be_deleted(db: None) -> None:
    from django.db.models import ProtectedError

    from tests.factories import OrganisationFactory

    organisation, without_events = OrganisationFactory(slug="logged"), OrganisationFactory(slug="unlogged")
    AuditEvent.objects.create(event_type=AuditEventType.LOGIN, organisation=organisation)
    with pytest.raises(ProtectedError):
        organisation.delete()
    without_events.delete()
