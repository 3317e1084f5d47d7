from django.urls import include, path

from werkzorg.employees import views

app_name = "employees"
register_patterns = [
    path("", views.employee_list, name="list"),
    path("nieuw/", views.employee_create, name="create"),
    path("zoeken/", views.employee_lookup, name="lookup"),
    path("importeren/", views.employee_import, name="import"),
    path("exporteren/", views.employee_export, name="export"),
    path("<int:employee_id>/", views.employee_detail, name="detail"),
    path("<int:employee_id>/wijzigen/", views.employee_edit, name="edit"),
    path("<int:employee_id>/uit-dienst/", views.employee_end, name="end"),
]
urlpatterns = [path("o/<slug:org>/medewerkers/", include(register_patterns))]
