from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from werkzorg.access import Perm
from werkzorg.access.views import OrgRequest, org_view, user_view
from werkzorg.core.actions import run_action
from werkzorg.core.errors import DomainError
from werkzorg.core.forms import add_domain_error
from werkzorg.integrations import docs, services
from werkzorg.integrations.forms import ClientForm


@org_view(Perm.MANAGE_API_CLIENTS)
@never_cache
def client_list(request: OrgRequest) -> HttpResponse:
    """The organisation's API clients; registering one shows its secret on this response only."""
    actor = request.actor
    form = ClientForm(request.POST or None, actor=actor)
    if request.method == "POST" and form.is_valid():
        try:
            client, secret = services.register_client(
                actor=actor,
                name=form.cleaned_data["name"],
                grants=form.grants(),
                expires_on=form.cleaned_data["expires_on"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            return render(request, "integrations/created.html", {"client": client, "secret": secret})
    clients = [(c, services.client_roles(c)) for c in services.list_clients(actor=actor)]
    context = {
        "form": form,
        "clients": clients,
        "operator_clients": [
            (c, services.client_roles(c)) for c in services.list_operator_clients(actor=actor)
        ],
        "subscriptions": services.list_subscriptions(actor=actor),
    }
    return render(request, "integrations/clients.html", context)


@org_view(Perm.MANAGE_API_CLIENTS)
@require_POST
def client_revoke(request: OrgRequest, client_id: int) -> HttpResponse:
    return run_action(
        request,
        lambda: services.revoke_client(actor=request.actor, client_id=client_id),
        success=_("The API client is revoked: its tokens no longer work."),
        back=lambda _client: redirect("integrations:clients", org=request.actor.organisation.slug),
    )


@user_view
@require_safe
def api_docs(request: HttpRequest) -> HttpResponse:
    """The API described for people who connect a system: how to get a token, and every operation."""
    return render(request, "integrations/api_docs.html", {"operations": docs.operations()})


@org_view(Perm.MANAGE_API_CLIENTS)
@require_POST
def operator_client_remove(request: OrgRequest, operator_client_id: int) -> HttpResponse:
    return run_action(
        request,
        lambda: services.remove_operator_access(actor=request.actor, client_id=operator_client_id),
        success=_("The client no longer has access to your organisation."),
        back=lambda _client: redirect("integrations:clients", org=request.actor.organisation.slug),
    )
