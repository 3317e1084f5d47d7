"""On PostgreSQL the application's own role can add and read audit events, and nothing else."""

from __future__ import annotations

import os

import psycopg
import pytest
from django.db import connection

from werkzorg.audit.roles import grant_app_role

ROLE = os.environ.get("WERKZORG_APP_DB_ROLE", "werkzorg_app")
REFUSED = [
    "UPDATE audit_auditevent SET detail = 'x'",
    "DELETE FROM audit_auditevent",
    "TRUNCATE audit_auditevent",
    "ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_no_update",
    "DROP TABLE audit_auditevent",
]


@pytest.mark.django_db(transaction=True)
def test_the_application_role_cannot_alter_the_audit_log() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL roles; on SQLite a trigger refuses updates (test_audit.py)")
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [ROLE])
        if cursor.fetchone() is None:
            cursor.execute(psycopg.sql.SQL("CREATE ROLE {} LOGIN").format(psycopg.sql.Identifier(ROLE)))
    grant_app_role(ROLE)
    params = connection.get_connection_params()
    params.update(user=ROLE, autocommit=True)
    params.pop("password", None)
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params) as app:
        app.execute(
            "INSERT INTO audit_auditevent (occurred_at, event_type, outcome, actor_label, actor_role,"
            " subject_type, subject_id, object_type, object_id, user_agent, detail)"
            " VALUES (now(), 'login', 'success', '', '', '', '', '', '', '', '')"
        )
        assert app.execute("SELECT count(*) FROM audit_auditevent").fetchone() == (1,)
        app.execute("SELECT count(*) FROM organisations_organisation")  # the rest of the schema works
        for statement in REFUSED:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                app.execute(statement)
