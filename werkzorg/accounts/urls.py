from django.urls import include, path

from werkzorg.accounts import views

app_name = "accounts"
org_patterns = [
    path("gebruikers/", views.user_list, name="users"),
    path("gebruikers/uitnodigen/", views.user_invite, name="invite"),
    path(
        "uitnodigingen/<uuid:invitation_id>/opnieuw/",
        views.invitation_action,
        {"action": "opnieuw"},
        name="invitation-resend",
    ),
    path(
        "uitnodigingen/<uuid:invitation_id>/intrekken/",
        views.invitation_action,
        {"action": "intrekken"},
        name="invitation-revoke",
    ),
]
urlpatterns = [
    path("uitnodiging/<uuid:invitation_id>/", views.invitation, name="invitation"),
    path(
        "uitnodiging/<uuid:invitation_id>/registreren/", views.invitation_register, name="invitation-register"
    ),
    path("sessie/verlopen/", views.session_expired, name="session-expired"),
    path("sessie/verlengen/", views.session_keepalive, name="session-keepalive"),
    path("account/", views.profile, name="profile"),
    path("account/tweestapsverificatie/", views.two_factor_required, name="two-factor-required"),
    # Before allauth's own route of the same path: changing the phone asks to sign in again first.
    path("accounts/phone/change/", views.change_phone, name="change-phone"),
    path("o/<slug:org>/", include(org_patterns)),
]
