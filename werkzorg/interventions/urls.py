from django.urls import include, path

from werkzorg.interventions.views import catalogue, employee, employer, provider

app_name = "interventions"

public_patterns = [
    path("interventiewijzer/", catalogue.catalogue, name="catalogue"),
    path("interventiewijzer/hulp/", catalogue.catalogue_guide, name="guide"),
    path("interventiewijzer/<int:intervention_id>/", catalogue.catalogue_detail, name="catalogue-detail"),
    path("toestemming/<str:token>/", employee.consent, name="consent"),
    path("toestemming/intrekken/<str:token>/", employee.consent_withdraw, name="consent-withdraw"),
    path("enquete/<str:token>/", employee.survey, name="survey"),
]
org_patterns = [
    path("interventies/", employer.request_list, name="list"),
    path("interventies/aanvragen/", employer.request_create, name="create"),
    path("interventies/exporteren/", employer.request_export, name="export"),
    path("interventies/<int:request_id>/", employer.request_detail, name="detail"),
    path("interventies/<int:request_id>/annuleren/", employer.request_cancel, name="cancel"),
    path("verlengingen/<int:extension_id>/goedkeuren/", employer.extension_approve, name="extension-approve"),
    path("verlengingen/<int:extension_id>/afwijzen/", employer.extension_reject, name="extension-reject"),
    path("dashboard/", employer.dashboard, name="dashboard"),
    path("werklijst/", provider.worklist, name="worklist"),
    path("werklijst/<int:request_id>/", provider.worklist_detail, name="worklist-detail"),
    path("werklijst/<int:request_id>/gecontacteerd/", provider.mark_contacted, name="worklist-gecontacteerd"),
    path("werklijst/<int:request_id>/afspraak/", provider.plan_appointment, name="worklist-afspraak"),
    path("werklijst/<int:request_id>/afgerond/", provider.complete_request, name="worklist-afgerond"),
    path("werklijst/<int:request_id>/verlenging/", provider.request_extension, name="worklist-verlenging"),
    path(
        "afspraken/<int:appointment_id>/aanwezig/", provider.appointment_attended, name="appointment-aanwezig"
    ),
    path(
        "afspraken/<int:appointment_id>/niet-verschenen/",
        provider.appointment_no_show,
        name="appointment-niet-verschenen",
    ),
    path(
        "afspraken/<int:appointment_id>/annuleren/", provider.appointment_cancel, name="appointment-annuleren"
    ),
]

urlpatterns = [*public_patterns, path("o/<slug:org>/", include(org_patterns))]
