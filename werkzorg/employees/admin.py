from django.contrib import admin

from werkzorg.access import Perm
from werkzorg.desk.admin import DeskModelAdmin
from werkzorg.employees.models import Employee


@admin.register(Employee)
class EmployeeAdmin(DeskModelAdmin):
    """The desk sees who is registered (support), not more than the employer does; opening one is audited."""

    desk_perm = Perm.DESK_EMPLOYEES
    read_only = True  # support looks people up; the employer keeps its own register
    person = True
    list_display = ["employee_number", "last_name", "first_name", "organisation", "employment_end"]
    list_filter = ["organisation"]
    search_fields = ["employee_number", "last_name"]
