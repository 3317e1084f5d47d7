"""The search of insured people looks in one lower-case column; on PostgreSQL a trigram index (pg_trgm,
created by the employees app's migration) serves `LIKE '%word%'` on it at 100,000 people."""

from django.db import migrations


def index_up(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            "CREATE INDEX insured_search_trgm ON insurance_insuredperson USING gin (search_text gin_trgm_ops)"
        )


def index_down(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS insured_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("insurance", "0001_initial")]

    operations = [migrations.RunPython(index_up, index_down)]
