from werkzorg.core import plugins


class JobsConfig(plugins.WerkzorgAppConfig):
    """Long work (exports, imports over thousands of rows) in the background, with progress on a page."""

    name = "werkzorg.jobs"
    urls = "werkzorg.jobs.urls"

    def ready(self) -> None:
        from werkzorg.audit import events
        from werkzorg.jobs.models import JobEvent

        events.register(JobEvent)
