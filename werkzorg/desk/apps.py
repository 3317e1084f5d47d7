from werkzorg.core import plugins


class DeskConfig(plugins.WerkzorgAppConfig):
    """The operator's desk (Django admin): every edit through a service, audited with the desk as actor."""

    name = "werkzorg.desk"
