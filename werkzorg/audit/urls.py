from django.urls import path

from werkzorg.audit import views

app_name = "audit"
urlpatterns = [path("o/<slug:org>/logboek/", views.audit_log, name="log")]
