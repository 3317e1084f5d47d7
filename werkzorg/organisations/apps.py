from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "werkzorg.organisations"
    default_auto_field = "django.db.models.BigAutoField"
