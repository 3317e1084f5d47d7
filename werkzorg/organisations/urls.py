from django.urls import include, path

from werkzorg.organisations import views

app_name = "organisations"
org_patterns = [
    path("", views.home, name="home"),
    path("gebruikers/<int:membership_id>/", views.user_rights, name="rights"),
    path("gebruikers/<int:membership_id>/verwijderen/", views.user_remove, name="remove"),
    path("bedrijfsartsen/", views.physicians, name="physicians"),
    path("bedrijfsartsen/machtigen/", views.physician_authorise, name="physician-authorise"),
    path("bedrijfsartsen/<int:authorisation_id>/intrekken/", views.physician_revoke, name="physician-revoke"),
    path("voorwaarden/", views.terms, name="terms"),
]
urlpatterns = [
    path("organisaties/", views.choose_organisation, name="choose"),
    path("organisaties/wisselen/", views.switch_organisation, name="switch"),
    path("o/<slug:org>/", include(org_patterns)),
]
