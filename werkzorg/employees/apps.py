from werkzorg.core import plugins


class EmployeesConfig(plugins.WerkzorgAppConfig):
    name = "werkzorg.employees"
    urls = "werkzorg.employees.urls"
    api_urls = "werkzorg.employees.api"
    demo = "werkzorg.employees.demo"

    def ready(self) -> None:
        from werkzorg.audit import events
        from werkzorg.employees.models import EmployeeEvent

        events.register(EmployeeEvent)
        from werkzorg.access import Perm
        from werkzorg.employees import services
        from werkzorg.jobs.registry import JobKind, register

        register(JobKind("employees.export", Perm.MANAGE_EMPLOYEES, services.export_job))
        register(JobKind("employees.import", Perm.MANAGE_EMPLOYEES, services.import_job))
