from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from werkzorg.accounts import views as account_views
from werkzorg.core import views as core_views

admin.site.site_header = "Werkzorg - werkgeversdesk"
admin.site.site_title = "Werkzorg desk"

urlpatterns = [
    path("", account_views.home, name="home"),
    path("accounts/phone/change/", account_views.change_phone, name="account_change_phone"),
    path("accounts/", include("allauth.urls")),
    path("", include("werkzorg.accounts.urls")),
    path("", include("werkzorg.organisations.urls")),
    path("o/<slug:org>/medewerkers/", include("werkzorg.employees.urls")),
    path("o/<slug:org>/logboek/", include("werkzorg.audit.urls")),
    path("", include("werkzorg.interventions.urls")),
    path("api/v1/", include("config.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("brand.css", core_views.brand_css, name="brand-css"),
    path("healthz", core_views.healthz, name="healthz"),
    path(settings.DESK_URL_PATH, admin.site.urls),
]
if settings.DEV_OUTBOX:
    urlpatterns.append(path("dev/outbox/", core_views.dev_outbox, name="dev-outbox"))
