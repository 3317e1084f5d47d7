"""Writing many new rows at once: COPY on PostgreSQL, bulk_create elsewhere; both inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection, models

BATCH = 2_000


def insert_all(model: type[models.Model], objects: Sequence[models.Model]) -> None:
    """Insert new instances without reading their keys back (an import needs none).

    COPY moves rows as one stream instead of thousands of parameterised INSERTs; values pass the same
    `pre_save` (time stamps) and `get_db_prep_save` as `bulk_create`, so the stored values are identical.
    """
    if not objects:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(objects, batch_size=BATCH)
        return
    fields = [
        f for f in model._meta.concrete_fields if not (f.primary_key and isinstance(f, models.AutoField))
    ]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for obj in objects:
            copy.write_row([f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields])
