from django.urls import include, path

from werkzorg.billing import views

app_name = "billing"
billing_patterns = [
    path("declaraties/", views.declaration_list, name="declarations"),
    path("declaraties/nieuw/", views.declaration_new, name="declaration-new"),
    path("declaraties/<int:declaration_id>/factuur/", views.declaration_file, name="declaration-file"),
    path("vitaliteitsbudget/", views.budget, name="budget"),
]
urlpatterns = [path("o/<slug:org>/", include(billing_patterns))]
