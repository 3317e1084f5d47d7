from django.contrib import admin

from werkzorg.employees.models import Employee


@admin.register(Employee)
class EmployeeAdmin(admin.ModelAdmin):
    """The desk sees who is registered (support), not more than the employer does."""

    list_display = ["employee_number", "last_name", "first_name", "organisation", "employment_end"]
    list_filter = ["organisation"]
    search_fields = ["employee_number", "last_name"]
