from django.urls import path

from werkzorg.accounts.api import MeAPI
from werkzorg.employees.api import EmployeeDetailAPI, EmployeeListAPI
from werkzorg.interventions.api import RequestListAPI, WorklistAPI

app_name = "api"
urlpatterns = [
    path("me/", MeAPI.as_view(), name="me"),
    path("o/<slug:org>/medewerkers/", EmployeeListAPI.as_view(), name="employee-list"),
    path("o/<slug:org>/medewerkers/<int:pk>/", EmployeeDetailAPI.as_view(), name="employee-detail"),
    path("o/<slug:org>/interventies/", RequestListAPI.as_view(), name="intervention-list"),
    path("o/<slug:org>/werklijst/", WorklistAPI.as_view(), name="worklist"),
]
