from django.urls import include, path

from werkzorg.jobs import views

app_name = "jobs"
org_patterns = [
    path("", views.job_list, name="list"),
    path("<uuid:job_id>/", views.job_detail, name="detail"),
    path("<uuid:job_id>/downloaden/", views.job_download, name="download"),
]
urlpatterns = [path("o/<slug:org>/taken/", include(org_patterns))]
