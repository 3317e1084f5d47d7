from werkzorg.core import plugins


class NotificationsConfig(plugins.WerkzorgAppConfig):
    name = "werkzorg.notifications"
