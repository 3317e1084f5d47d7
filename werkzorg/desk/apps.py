from werkzorg.core import plugins


class DeskConfig(plugins.WerkzorgAppConfig):
    """The operator's desk (Django admin): every edit through a service, audited with the desk as actor."""

    name = "werkzorg.desk"

    def ready(self) -> None:
        from django.contrib import admin

        from werkzorg.desk.views import desk_login

        admin.site.login = desk_login  # type: ignore[method-assign]  # no password-only door to the desk
