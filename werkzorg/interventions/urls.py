from django.urls import include, path

from werkzorg.interventions import views

app_name = "interventions"

public_patterns = [
    path("interventiewijzer/", views.catalogue, name="catalogue"),
    path("interventiewijzer/hulp/", views.catalogue_guide, name="guide"),
    path("interventiewijzer/<int:intervention_id>/", views.catalogue_detail, name="catalogue-detail"),
    path("toestemming/<str:token>/", views.consent, name="consent"),
    path("toestemming/intrekken/<str:token>/", views.consent_withdraw, name="consent-withdraw"),
    path("enquete/<str:token>/", views.survey, name="survey"),
]
org_patterns = [
    path("interventies/", views.request_list, name="list"),
    path("interventies/aanvragen/", views.request_create, name="create"),
    path("interventies/exporteren/", views.request_export, name="export"),
    path("interventies/<int:request_id>/", views.request_detail, name="detail"),
    path("interventies/<int:request_id>/annuleren/", views.request_cancel, name="cancel"),
    path(
        "verlengingen/<int:extension_id>/goedkeuren/",
        views.extension_decide,
        {"decision": "goedkeuren"},
        name="extension-approve",
    ),
    path(
        "verlengingen/<int:extension_id>/afwijzen/",
        views.extension_decide,
        {"decision": "afwijzen"},
        name="extension-reject",
    ),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("werklijst/", views.worklist, name="worklist"),
    path("werklijst/<int:request_id>/", views.worklist_detail, name="worklist-detail"),
]
for action in ("gecontacteerd", "afspraak", "afgerond", "verlenging"):
    org_patterns.append(
        path(
            f"werklijst/<int:request_id>/{action}/",
            views.worklist_action,
            {"action": action},
            name=f"worklist-{action}",
        )
    )
for action in ("aanwezig", "niet-verschenen", "annuleren"):
    org_patterns.append(
        path(
            f"afspraken/<int:appointment_id>/{action}/",
            views.appointment_action,
            {"action": action},
            name=f"appointment-{action}",
        )
    )

urlpatterns = [*public_patterns, path("o/<slug:org>/", include(org_patterns))]
