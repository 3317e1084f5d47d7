from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from oauth2_provider.models import AccessToken, Application, Grant, IDToken, RefreshToken

from werkzorg.access import Perm
from werkzorg.core.errors import DomainError
from werkzorg.core.forms import add_domain_error
from werkzorg.desk.admin import DeskModelAdmin
from werkzorg.integrations import services
from werkzorg.integrations.forms import OperatorClientForm
from werkzorg.integrations.models import ApiClient

# django-oauth-toolkit's own admin would let staff edit applications and tokens past the audited
# services and the desk's roles: the desk sees API clients through the page below only.
for model in (Application, AccessToken, Grant, IDToken, RefreshToken):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.register(ApiClient)
class ApiClientAdmin(DeskModelAdmin):
    """Which systems call the API for which organisations, with what roles, and when they last did.
    An organisation's main account holder registers its own; the desk registers operator-wide clients
    (a partner such as an absence insurer, serving several employers) and may revoke any client."""

    desk_perm = Perm.DESK_ORGANISATIONS
    read_only = True
    list_display = ["name", "organisation", "expires_on", "last_used_at", "revoked_at"]
    list_filter = ["organisation"]
    search_fields = ["name"]
    exclude = ["application", "service_user"]
    actions = ["revoke"]

    def get_urls(self) -> list[URLPattern]:
        own = path(
            "operator/nieuw/",
            self.admin_site.admin_view(self.register_operator_view),
            name="integrations_apiclient_register_operator",
        )
        return [own, *super().get_urls()]

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        # Read-only pages normally lose their actions; revoking is this page's one write, by a service.
        return super().get_actions(request) if self._allowed(request) else {}

    @admin.action(description=gettext_lazy("Revoke the selected API clients"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiClient]) -> None:
        for client in queryset:
            services.revoke_by_desk(actor=self.actor(request), client=client)
        self.message_user(request, _("Revoked: their tokens no longer work."), messages.SUCCESS)

    @method_decorator(never_cache)
    def register_operator_view(self, request: HttpRequest) -> HttpResponse:
        if not self._allowed(request):
            raise PermissionDenied
        form = OperatorClientForm(request.POST or None)
        context: dict[str, Any] = {
            **self.admin_site.each_context(request),
            "title": _("Register an operator-wide API client"),
            "opts": self.model._meta,
            "form": form,
        }
        if request.method == "POST" and form.is_valid():
            try:
                client, secret = services.register_operator_client(
                    actor=self.actor(request),
                    name=form.cleaned_data["name"],
                    grants=form.grants(),
                    expires_on=form.cleaned_data["expires_on"],
                    served=list(form.cleaned_data["served"]),
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                context |= {"client": client, "secret": secret}
        return render(request, "admin/integrations/register_operator.html", context)
