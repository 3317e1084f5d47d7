"""The audit event's organisation without a key check in the database (see the model for why).

On SQLite, altering the column rebuilds the table, which drops the trigger that refuses changes
(0002_immutable); it is created again here.
"""

from importlib import import_module

import django.db.models.deletion
from django.db import migrations, models


def recreate_sqlite_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in import_module("werkzorg.audit.migrations.0002_immutable").SQLITE_UP:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0004_event_types_registered"),
        ("organisations", "0003_practice_assistants"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="organisation",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="organisations.organisation",
            ),
        ),
        migrations.RunPython(recreate_sqlite_trigger, migrations.RunPython.noop),
    ]
