from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkzorg.access import Perm, can, get_or_404, resolve_actor, scope
from werkzorg.access.policy import may_change_rights
from werkzorg.access.views import OrgRequest, org_view, user_view
from werkzorg.core.errors import DomainError
from werkzorg.core.forms import add_domain_error
from werkzorg.organisations import services
from werkzorg.organisations.forms import AcceptTermsForm, AgbSearchForm, RightsForm
from werkzorg.organisations.models import (
    Membership,
    PhysicianAuthorisation,
    TermsAcceptance,
    TermsVersion,
)
from werkzorg.organisations.queries import (
    home_collectivities,
    list_authorisations,
    list_organisations_for_user,
)


@user_view
def choose_organisation(request: HttpRequest) -> HttpResponse:
    organisations = list_organisations_for_user(request.user)
    if len(organisations) == 1 and "kies" not in request.GET:
        return redirect("organisations:home", org=organisations[0].slug)
    return render(request, "organisations/choose.html", {"organisations": organisations})


@user_view
@require_POST
def switch_organisation(request: HttpRequest) -> HttpResponse:
    actor = resolve_actor(request.user, request.POST.get("organisation", "")).acting_from(request)  # type: ignore[arg-type]
    services.switch_organisation(actor=actor)
    messages.success(request, _("You now work for %(org)s.") % {"org": actor.organisation.name})
    return redirect("organisations:home", org=actor.organisation.slug)


@org_view(Perm.VIEW_ORGANISATION)
def home(request: OrgRequest) -> HttpResponse:
    actor = request.actor
    services.switch_organisation(actor=actor)
    return render(request, "organisations/home.html", {"collectivities": home_collectivities(actor)})


@org_view(Perm.VIEW_USERS)
def user_rights(request: OrgRequest, membership_id: int) -> HttpResponse:
    actor = request.actor
    membership = get_or_404(Membership.objects.select_related("user"), actor, pk=membership_id)
    form = RightsForm(request.POST or None, actor=actor, membership=membership)
    if request.method == "POST":
        if not may_change_rights(actor):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.change_rights(
                    actor=actor,
                    membership=membership,
                    grants=form.grants(),
                    version=form.cleaned_data["version"],
                    insurance_collectivities=form.cleaned_data.get("insurance_collectivities"),
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("Rights of %(name)s saved.") % {"name": membership.user})
                return redirect("accounts:users", org=actor.organisation.slug)
    return render(
        request,
        "organisations/rights.html",
        {"form": form, "member": membership, "is_self": membership.user_id == actor.user.pk},
    )


@org_view(Perm.INVITE_USERS)
@require_POST
def user_remove(request: OrgRequest, membership_id: int) -> HttpResponse:
    actor = request.actor
    membership = get_or_404(Membership.objects.select_related("user"), actor, pk=membership_id)
    try:
        services.remove_member(actor=actor, membership=membership)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("%(name)s no longer has access.") % {"name": membership.user})
    return redirect("accounts:users", org=actor.organisation.slug)


@org_view(Perm.AUTHORISE_PHYSICIANS)
def physicians(request: OrgRequest) -> HttpResponse:
    actor = request.actor
    form = AgbSearchForm(request.GET if "agb_code" in request.GET else None)
    found = None
    searched = False
    if form.is_bound and form.is_valid():
        searched = True
        found = services.find_practitioner(actor=actor, agb_code=form.cleaned_data["agb_code"])
    return render(
        request,
        "organisations/physicians.html",
        {
            "form": form,
            "found": found,
            "searched": searched,
            "authorisations": list_authorisations(actor),
        },
    )


@org_view(Perm.AUTHORISE_PHYSICIANS)
@require_POST
def physician_authorise(request: OrgRequest) -> HttpResponse:
    actor = request.actor
    form = AgbSearchForm(request.POST)
    if form.is_valid():
        practitioner = services.find_practitioner(actor=actor, agb_code=form.cleaned_data["agb_code"])
        if practitioner is None:
            messages.error(request, _("No physician with this AGB code is known."))
        else:
            try:
                services.authorise_physician(actor=actor, practitioner=practitioner)
            except DomainError as error:
                messages.error(request, str(error.message))
            else:
                messages.success(request, _("%(name)s is now authorised.") % {"name": practitioner.name})
    else:
        messages.error(request, _("An AGB code has exactly 8 digits."))
    return redirect("organisations:physicians", org=actor.organisation.slug)


@org_view(Perm.AUTHORISE_PHYSICIANS)
@require_POST
def physician_revoke(request: OrgRequest, authorisation_id: int) -> HttpResponse:
    actor = request.actor
    authorisation = get_or_404(
        PhysicianAuthorisation.objects.select_related("practitioner"), actor, pk=authorisation_id
    )
    try:
        services.revoke_physician(actor=actor, authorisation=authorisation)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(
            request, _("Authorisation of %(name)s revoked.") % {"name": authorisation.practitioner.name}
        )
    return redirect("organisations:physicians", org=actor.organisation.slug)


@org_view(Perm.VIEW_ORGANISATION, gates_exempt=frozenset({"terms"}))
def terms(request: OrgRequest) -> HttpResponse:
    actor = request.actor
    current = TermsVersion.current()
    history = scope(TermsAcceptance, actor).select_related("terms_version", "accepted_by")
    accepted = current is not None and history.filter(terms_version=current).exists()
    form = AcceptTermsForm(request.POST or None)
    if request.method == "POST" and current is not None:
        if not can(actor, Perm.ACCEPT_TERMS):
            raise PermissionDenied
        if form.is_valid():
            services.accept_terms(actor=actor, terms_version=current)
            messages.success(
                request, _("Thank you. The terms are accepted for %(org)s.") % {"org": actor.organisation}
            )
            return redirect("organisations:home", org=actor.organisation.slug)
    return render(
        request,
        "organisations/terms.html",
        {"terms": current, "accepted": accepted, "form": form, "history": history},
    )
