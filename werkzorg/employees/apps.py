from django.apps import AppConfig


class EmployeesConfig(AppConfig):
    name = "werkzorg.employees"
    default_auto_field = "django.db.models.BigAutoField"
