from werkzorg.core import plugins


class PortalConfig(plugins.WerkzorgAppConfig):
    """The shell around the domain apps: home, branding, health check, demo orchestration, page context."""

    name = "werkzorg.portal"
    urls = "werkzorg.portal.urls"
