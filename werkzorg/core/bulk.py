"""Writing many new rows at once: COPY on PostgreSQL, bulk_create elsewhere; both inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection, models
from django.utils import timezone

BATCH = 2_000
# Django's own field classes whose Python values psycopg writes exactly as Django would; any other class
# (a subclass such as an encrypted field included) goes through the field's own get_db_prep_save.
PLAIN_FIELDS = frozenset(
    {
        models.BigIntegerField,
        models.BooleanField,
        models.CharField,
        models.DateField,
        models.DateTimeField,
        models.DecimalField,  # psycopg writes a Decimal exactly (callers quantize, as money is)
        models.EmailField,
        models.ForeignKey,
        models.IntegerField,
        models.PositiveIntegerField,
        models.PositiveSmallIntegerField,
        models.SlugField,
        models.SmallIntegerField,
        models.TextField,
        models.UUIDField,
    }
)


def insert_all(model: type[models.Model], objects: Sequence[models.Model]) -> None:
    """Insert new instances without reading their keys back (an import needs none).

    COPY moves rows as one stream instead of thousands of parameterised INSERTs. Time stamps
    (auto_now, auto_now_add) get one moment for the whole batch; the instances are not updated. The
    instances are written as they are on every database: neither save() nor a model's own bulk_create
    runs, so the caller fills derived columns (a search column, say) itself.
    """
    if not objects:
        return
    if connection.vendor != "postgresql":
        plain_queryset: models.QuerySet[Any] = models.QuerySet(model)
        plain_queryset.bulk_create(objects, batch_size=BATCH)
        return
    fields = [
        f for f in model._meta.concrete_fields if not (f.primary_key and isinstance(f, models.AutoField))
    ]
    stamped = [f for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)]
    plain = [f for f in fields if type(f) in PLAIN_FIELDS and f not in stamped]
    prepared = [f for f in fields if type(f) not in PLAIN_FIELDS and f not in stamped]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in [*plain, *stamped, *prepared])
    plain_names = [f.attname for f in plain]
    stamps = [timezone.now()] * len(stamped)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for obj in objects:
            values: dict[str, Any] = obj.__dict__
            copy.write_row(
                [
                    *[values[name] for name in plain_names],
                    *stamps,
                    *[f.get_db_prep_save(f.pre_save(obj, True), connection) for f in prepared],
                ]
            )
