"""The register's search looks in one lower-case column; on PostgreSQL a trigram index (pg_trgm) serves
`LIKE '%word%'` on it, so a search stays fast on 100,000 people. pg_trgm is a trusted extension: the
database owner that runs migrations may create it."""

from django.db import migrations, models

FIELDS = ("employee_number", "first_name", "name_prefix", "last_name", "email", "department")


def fill(apps, schema_editor):
    Employee = apps.get_model("employees", "Employee")
    batch = []
    for employee in Employee.objects.only(*FIELDS).iterator(chunk_size=2000):
        employee.search_text = " ".join(getattr(employee, f) for f in FIELDS if getattr(employee, f)).lower()
        batch.append(employee)
        if len(batch) == 2000:
            Employee.objects.bulk_update(batch, ["search_text"])
            batch = []
    Employee.objects.bulk_update(batch, ["search_text"])


def index_up(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            "CREATE INDEX employee_search_trgm ON employees_employee USING gin (search_text gin_trgm_ops)"
        )


def index_down(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS employee_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("employees", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="employee",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(index_up, index_down),
    ]
