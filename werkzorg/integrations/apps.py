from werkzorg.core import plugins


class IntegrationsConfig(plugins.WerkzorgAppConfig):
    """Machine access to the API: OAuth 2.0 clients per organisation, with the rights and audit of people."""

    name = "werkzorg.integrations"
    urls = "werkzorg.integrations.urls"
    api_urls = "werkzorg.integrations.api"
    demo = "werkzorg.integrations.demo"

    def ready(self) -> None:
        from werkzorg.access.rules import register_client_resolver
        from werkzorg.audit import events
        from werkzorg.integrations import schema  # noqa: F401 (registers the schema extension)
        from werkzorg.integrations.models import IntegrationEvent
        from werkzorg.integrations.services import client_standing

        events.register(IntegrationEvent)
        register_client_resolver(client_standing)
