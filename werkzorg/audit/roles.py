"""PostgreSQL: the application connects as a role that may add and read audit events but never change,
delete, truncate or alter them; migrations run as the owner of the tables (docs/operations.md)."""

from __future__ import annotations

from django.db import connection
from psycopg import sql

AUDIT_TABLE = "audit_auditevent"


def app_role_statements(role: str) -> list[sql.Composed]:
    """Privileges for the application's role on every table of the schema; the audit table read and insert only."""
    who = sql.Identifier(role)
    audit = sql.Identifier(AUDIT_TABLE)
    return [
        sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(who),
        sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}").format(who),
        sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}").format(who),
        sql.SQL("REVOKE ALL ON {} FROM {}").format(audit, who),
        sql.SQL("GRANT SELECT, INSERT ON {} TO {}").format(audit, who),
    ]


def grant_app_role(role: str) -> None:
    """Run as the owner after every `migrate`: new tables get the privileges too."""
    if connection.vendor != "postgresql":
        raise RuntimeError("database roles are a PostgreSQL matter; SQLite has a trigger instead")
    with connection.cursor() as cursor:
        for statement in app_role_statements(role):
            cursor.execute(statement)
