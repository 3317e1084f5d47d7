from werkzorg.core import plugins


class InboxConfig(plugins.WerkzorgAppConfig):
    name = "werkzorg.inbox"
    urls = "werkzorg.inbox.urls"

    def ready(self) -> None:
        from werkzorg.audit import events
        from werkzorg.inbox.models import InboxEvent

        events.register(InboxEvent)
