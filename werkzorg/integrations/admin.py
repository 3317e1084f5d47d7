from django.contrib import admin
from oauth2_provider.models import AccessToken, Application, Grant, IDToken, RefreshToken

from werkzorg.access import Perm
from werkzorg.desk.admin import DeskModelAdmin
from werkzorg.integrations.models import ApiClient

# django-oauth-toolkit's own admin would let staff edit applications and tokens past the audited
# services and the desk's roles: the desk sees API clients through the page below only.
for model in (Application, AccessToken, Grant, IDToken, RefreshToken):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.register(ApiClient)
class ApiClientAdmin(DeskModelAdmin):
    """Which systems call the API for which organisation, with what roles, and when they last did
    (support). The organisation's main account holder registers and revokes them."""

    desk_perm = Perm.DESK_ORGANISATIONS
    read_only = True
    list_display = ["name", "organisation", "expires_on", "last_used_at", "revoked_at"]
    list_filter = ["organisation"]
    search_fields = ["name"]
    exclude = ["application", "service_user"]
