"""Every portal app brings its own routes (see WerkzorgAppConfig); nothing here names a domain app."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from werkzorg.core.plugins import portal_apps

admin.site.site_header = "Werkzorg - werkgeversdesk"
admin.site.site_title = "Werkzorg desk"

api_patterns = [path("", include(c.api_urls)) for c in portal_apps() if c.api_urls]

urlpatterns = [
    *[path("", include(c.urls)) for c in portal_apps() if c.urls],
    path("accounts/", include("allauth.urls")),
    path("api/v1/", include((api_patterns, "api"))),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("i18n/", include("django.conf.urls.i18n")),
    path(settings.DESK_URL_PATH, admin.site.urls),
]
