from django.urls import path
from oauth2_provider.views import TokenView

from werkzorg.integrations import views

app_name = "integrations"
urlpatterns = [
    path("o/<slug:org>/koppelingen/", views.client_list, name="clients"),
    path("o/<slug:org>/koppelingen/<int:client_id>/intrekken/", views.client_revoke, name="revoke"),
    path(
        "o/<slug:org>/koppelingen/operator/<int:operator_client_id>/verwijderen/",
        views.operator_client_remove,
        name="operator-remove",
    ),
    # OAuth 2.0 client credentials (RFC 6749 section 4.4): POST client_id, client_secret, grant_type.
    path("api/oauth/token/", TokenView.as_view(), name="token"),
    path("api/docs/", views.api_docs, name="docs"),
]
