"""The portal's routes plus the baseline pages, served by the same gunicorn with the same middleware."""

from django.urls import path

from bench import absence, baselines, insurance
from config.urls import urlpatterns as portal_urlpatterns

urlpatterns = [
    path("bench/medewerkers/", baselines.employee_list),
    path("bench/medewerkers/zoeken/", baselines.employee_search),
    path("bench/medewerkers/<int:employee_id>/", baselines.employee_detail),
    path("bench/interventies/", baselines.request_list),
    path("bench/interventies/<int:request_id>/", baselines.request_detail),
    path("bench/gebruikers/", baselines.user_list),
    path("bench/home/", baselines.organisation_home),
    path("bench/dashboard/", baselines.dashboard),
    path("bench/verzekerden/", insurance.insured_list),
    path("bench/verzekerden/<int:insured_id>/", insurance.insured_detail),
    path("bench/borderellen/<int:statement_id>/", insurance.statement_detail),
    path("bench/verzuim/taken/", absence.open_files),
    path("bench/verzuim/cijfers/", absence.statistics_page),
    path("bench/verzuim/<int:file_id>/", absence.file_detail),
    *portal_urlpatterns,
]
