from __future__ import annotations

from django.apps import AppConfig, apps


class WerkzorgAppConfig(AppConfig):
    """An app of the portal plugs in by declaring what it brings; config/urls.py and the demo find it here.

    urls: module of page routes (mounted at the site root); api_urls: module of routes under /api/v1/;
    demo: module with `load()` for `manage.py load_demo`, run in INSTALLED_APPS order.
    """

    default_auto_field = "django.db.models.BigAutoField"
    urls: str | None = None
    api_urls: str | None = None
    demo: str | None = None


def portal_apps() -> list[WerkzorgAppConfig]:
    return [c for c in apps.get_app_configs() if isinstance(c, WerkzorgAppConfig)]
