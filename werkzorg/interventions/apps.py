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
        from werkzorg.access import Perm
        from werkzorg.interventions.services.exports import export_job
        from werkzorg.jobs.registry import JobKind, register

        register(JobKind("interventions.export", Perm.VIEW_INTERVENTIONS, export_job))
        from werkzorg.integrations.webhooks import register_event
        from werkzorg.interventions.services.common import STATUS_CHANGED

        register_event(STATUS_CHANGED, "A request's status changed: request number, new status, when.")
