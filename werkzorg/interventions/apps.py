from werkzorg.core import plugins


class InterventionsConfig(plugins.WerkzorgAppConfig):
    name = "werkzorg.interventions"
    urls = "werkzorg.interventions.urls"
    api_urls = "werkzorg.interventions.api"
    demo = "werkzorg.interventions.demo"

    def ready(self) -> None:
        from werkzorg.audit import events
        from werkzorg.interventions.models import InterventionEvent

        events.register(InterventionEvent)
