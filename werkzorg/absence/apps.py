from werkzorg.core import plugins


class AbsenceConfig(plugins.WerkzorgAppConfig):
    name = "werkzorg.absence"
    urls = "werkzorg.absence.urls"
    api_urls = "werkzorg.absence.api"
    demo = "werkzorg.absence.demo"

    def ready(self) -> None:
        from werkzorg.absence.models import AbsenceEvent
        from werkzorg.audit import events

        events.register(AbsenceEvent)
