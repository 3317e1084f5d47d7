from django.conf import settings
from django.urls import path

from werkzorg.portal import views

urlpatterns = [
    path("", views.home, name="home"),
    path("brand.css", views.brand_css, name="brand-css"),
    path("healthz", views.healthz, name="healthz"),
]
if settings.DEV_OUTBOX:
    urlpatterns.append(path("dev/outbox/", views.dev_outbox, name="dev-outbox"))
