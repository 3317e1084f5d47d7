from werkzorg.core import plugins


class CoreConfig(plugins.WerkzorgAppConfig):
    name = "werkzorg.core"
