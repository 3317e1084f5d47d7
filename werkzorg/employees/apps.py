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
