from django.urls import path

from werkzorg.accounts import views

app_name = "accounts"
urlpatterns = [
    path("uitnodiging/<uuid:invitation_id>/", views.invitation, name="invitation"),
    path(
        "uitnodiging/<uuid:invitation_id>/registreren/", views.invitation_register, name="invitation-register"
    ),
    path("sessie/verlopen/", views.session_expired, name="session-expired"),
    path("sessie/verlengen/", views.session_keepalive, name="session-keepalive"),
    path("account/", views.profile, name="profile"),
    path("account/tweestapsverificatie/", views.two_factor_required, name="two-factor-required"),
]
