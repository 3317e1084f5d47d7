"""The database itself refuses to change audit events (NEN 7513: the log cannot be altered by the application).

PostgreSQL refuses UPDATE and DELETE; TRUNCATE stays possible for test-database resets only (the
application never truncates). SQLite refuses UPDATE; its DELETE stays open because Django's test
flush uses it, and the model and queryset refuse deletes in the application.
"""

from django.db import migrations

POSTGRES_UP = [
    """CREATE OR REPLACE FUNCTION audit_event_immutable() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'audit events cannot be changed or deleted';
    END;
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_event_immutable()""",
]
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS audit_event_no_update ON audit_auditevent",
    "DROP FUNCTION IF EXISTS audit_event_immutable()",
]
SQLITE_UP = [
    """CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_auditevent
    BEGIN SELECT RAISE(ABORT, 'audit events cannot be changed'); END""",
]
SQLITE_DOWN = ["DROP TRIGGER IF EXISTS audit_event_no_update"]


def up(apps, schema_editor):
    for statement in {"postgresql": POSTGRES_UP, "sqlite": SQLITE_UP}.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement, params=None)


def down(apps, schema_editor):
    for statement in {"postgresql": POSTGRES_DOWN, "sqlite": SQLITE_DOWN}.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(up, down)]
