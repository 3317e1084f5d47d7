from django.db import migrations

REGIONS = [
    ("nationwide", "Heel Nederland"), ("DR", "Drenthe"), ("FL", "Flevoland"), ("FR", "Friesland"),
    ("GE", "Gelderland"), ("GR", "Groningen"), ("LI", "Limburg"), ("NB", "Noord-Brabant"),
    ("NH", "Noord-Holland"), ("OV", "Overijssel"), ("UT", "Utrecht"), ("ZE", "Zeeland"), ("ZH", "Zuid-Holland"),
]


def add_regions(apps, schema_editor):
    Region = apps.get_model("interventions", "Region")
    for code, name in REGIONS:
        Region.objects.get_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("interventions", "0001_initial")]
    operations = [migrations.RunPython(add_regions, migrations.RunPython.noop)]
