from werkzorg.core import plugins


class AuditConfig(plugins.WerkzorgAppConfig):
    name = "werkzorg.audit"
    urls = "werkzorg.audit.urls"

    def ready(self) -> None:
        from werkzorg.audit import events

        events.register(events.AuditEventType)
