from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkzorg.access import Perm
from werkzorg.access.views import OrgRequest, org_view, public_view
from werkzorg.core.errors import DomainError
from werkzorg.core.forms import add_domain_error
from werkzorg.interventions import queries, services, workflow
from werkzorg.interventions.filters import CatalogueFilter, RequestFilter
from werkzorg.interventions.forms import AppointmentForm, ExtensionForm, RequestForm, SurveyForm
from werkzorg.interventions.models import (
    Category,
    Delivery,
    Extension,
    ExtensionStatus,
    InterventionRequest,
    Region,
    RequestStatus,
)

PAGE_SIZE = 25

# --- The public catalogue (interventiewijzer): employees may read it without an account ---------


@public_view
def catalogue(request: HttpRequest) -> HttpResponse:
    filters = CatalogueFilter(request.GET or None, queryset=queries.active_catalogue())
    page = Paginator(filters.qs, PAGE_SIZE).get_page(request.GET.get("pagina"))
    template = "interventions/_catalogue_results.html" if request.htmx else "interventions/catalogue.html"  # type: ignore[attr-defined]
    return render(request, template, {"filter": filters, "page": page, "query": _query_without_page(request)})


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("pagina", None)
    return query.urlencode()


@public_view
def catalogue_detail(request: HttpRequest, intervention_id: int) -> HttpResponse:
    intervention = get_object_or_404(queries.active_catalogue(), pk=intervention_id)
    return render(request, "interventions/catalogue_detail.html", {"intervention": intervention})


GUIDE_TOPICS = {
    "stress": (Category.MENTAL, _("Stress, worries or tiredness")),
    "body": (Category.PHYSICAL, _("Pain or physical complaints")),
    "lifestyle": (Category.LIFESTYLE, _("Healthier living: exercise, food, sleep, smoking")),
    "skills": (Category.TRAINING, _("Learning to cope better, alone or as a team")),
    "team": (Category.WORKSHOP, _("A session for the whole team")),
}


@public_view
def catalogue_guide(request: HttpRequest) -> HttpResponse:
    """Help me choose: three questions narrow the catalogue (as the seed's interventiewijzer)."""
    topic = request.GET.get("onderwerp", "")
    delivery = request.GET.get("vorm", "")
    region = request.GET.get("regio", "")
    step = 1 if topic not in GUIDE_TOPICS else 2 if not delivery else 3 if not region else 4
    results = None
    if step == 4:
        params = {
            "category": GUIDE_TOPICS[topic][0],
            "delivery": "" if delivery == "maakt-niet-uit" else delivery,
        }
        region_obj = Region.objects.filter(code=region).first()
        if region_obj:
            params["region"] = str(region_obj.pk)
        results = CatalogueFilter(params, queryset=queries.active_catalogue()).qs[:20]
    return render(
        request,
        "interventions/guide.html",
        {
            "step": step,
            "topics": [(k, v[1]) for k, v in GUIDE_TOPICS.items()],
            "topic": topic,
            "delivery": delivery,
            "deliveries": [
                (Delivery.ONLINE, Delivery.ONLINE.label),
                (Delivery.ON_SITE, Delivery.ON_SITE.label),
            ],
            "regions": Region.objects.all(),
            "results": results,
        },
    )


# --- The employer: request, follow, cancel, decide on extensions --------------------------------


@org_view(Perm.VIEW_INTERVENTIONS)
def request_list(request: OrgRequest) -> HttpResponse:
    actor = request.actor
    filters = RequestFilter(request.GET or None, queryset=queries.visible_requests(actor))
    page = Paginator(filters.qs.order_by("-created_at", "-pk"), PAGE_SIZE).get_page(request.GET.get("pagina"))
    template = "interventions/_request_table.html" if request.htmx else "interventions/request_list.html"  # type: ignore[attr-defined]
    return render(request, template, {"filter": filters, "page": page, "query": _query_without_page(request)})


@org_view(Perm.VIEW_INTERVENTIONS)
def request_export(request: OrgRequest) -> HttpResponse:
    actor = request.actor
    filters = RequestFilter(request.GET or None, queryset=queries.visible_requests(actor))
    content = services.export_requests(actor=actor, requests=filters.qs)
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="interventies-{timezone.localdate():%Y%m%d}.xlsx"'
    )
    return response


@org_view(Perm.REQUEST_INTERVENTIONS)
def request_create(request: OrgRequest) -> HttpResponse:
    actor = request.actor
    chosen = request.GET.get("interventie", "")
    intervention = queries.active_catalogue().filter(pk=chosen).first() if chosen.isdigit() else None
    if intervention is None:
        messages.info(request, _("First choose an intervention from the guide."))
        return redirect("interventions:catalogue")
    initial = {"submit_token": secrets.token_urlsafe(24)}
    form = RequestForm(request.POST or None, actor=actor, intervention=intervention, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.submit_request(
                actor=actor,
                intervention=intervention,
                collectivity=data["collectivity"],
                provider=data["provider"],
                employee=form.employee,
                name=data["name"],
                email=data["email"],
                phone=data.get("phone") or "",
                note=data.get("note") or "",
                submit_token=data["submit_token"],
                language=data.get("language") or "nl",
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                _(
                    "Request %(number)s is made. The employee is asked by e-mail to consent; only then it goes to the provider."
                )
                % {"number": created.number},
            )
            return redirect("interventions:detail", org=actor.organisation.slug, request_id=created.pk)
    return render(request, "interventions/request_form.html", {"form": form, "intervention": intervention})


def _visible_request(request: OrgRequest, request_id: int) -> InterventionRequest:
    found = queries.visible_requests(request.actor).filter(pk=request_id).first()
    if found is None:
        raise Http404
    return found


@org_view(Perm.VIEW_INTERVENTIONS)
def request_detail(request: OrgRequest, request_id: int) -> HttpResponse:
    found = _visible_request(request, request_id)
    return render(
        request,
        "interventions/request_detail.html",
        {
            "item": found,
            "events": found.events.select_related("by"),
            "appointments": found.appointments.all(),
            "extensions": found.extensions.select_related("requested_by", "decided_by"),
            "timeline": workflow.TIMELINE,
            "can_cancel": workflow.can_transition(
                found.status, RequestStatus.CANCELLED, workflow.Actor.EMPLOYER
            ),
        },
    )


@org_view(Perm.VIEW_INTERVENTIONS)
@require_POST
def request_cancel(request: OrgRequest, request_id: int) -> HttpResponse:
    found = _visible_request(request, request_id)
    try:
        services.cancel_request(actor=request.actor, request=found)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Request %(number)s is cancelled.") % {"number": found.number})
    return redirect("interventions:detail", org=request.actor.organisation.slug, request_id=found.pk)


@org_view(Perm.VIEW_INTERVENTIONS)
@require_POST
def extension_decide(request: OrgRequest, extension_id: int, decision: str) -> HttpResponse:
    actor = request.actor
    extension = _extension_for(request, extension_id)
    try:
        services.decide_extension(actor=actor, extension=extension, approve=decision == "goedkeuren")
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Your decision on the extension is saved and sent to the provider."))
    return redirect("interventions:detail", org=actor.organisation.slug, request_id=extension.request_id)


def _extension_for(request: OrgRequest, extension_id: int) -> Extension:
    found = (
        Extension.objects.filter(
            pk=extension_id,
            request__in=queries.visible_requests(request.actor),
            status=ExtensionStatus.PENDING,
        )
        .select_related("request")
        .first()
    )
    if found is None:
        raise Http404
    return found


@org_view(Perm.VIEW_DASHBOARD)
def dashboard(request: OrgRequest) -> HttpResponse:
    figures = queries.dashboard(request.actor)
    chart = {
        "months": figures["months"],
        "categories": [{"label": str(label), "data": data} for _code, label, data in figures["per_category"]],
        "statuses": {
            "labels": [str(label) for _s, label, _n in figures["by_status"]],
            "data": [n for _s, _l, n in figures["by_status"]],
        },
    }
    return render(request, "interventions/dashboard.html", {"figures": figures, "chart": chart})


# --- The employee (no account): consent, withdrawal, survey ----------------------------------


def _speak_employees_language(request: HttpRequest, found: InterventionRequest) -> None:
    """Link pages open in the language the e-mail was sent in, unless the person chose one themselves."""
    if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
        translation.activate(found.language)
        request.LANGUAGE_CODE = found.language


def _invalid_link(request: HttpRequest, error: DomainError) -> HttpResponse:
    return render(request, "interventions/link_invalid.html", {"message": error.message}, status=410)


@public_view
def consent(request: HttpRequest, token: str) -> HttpResponse:
    try:
        found = services.resolve_link(token, services.CONSENT_SALT)
        if found.status != RequestStatus.AWAITING_CONSENT or timezone.now() > found.consent_due_at:
            raise services.InvalidLink(_("This link is not valid (any more)."))
    except DomainError as error:
        return _invalid_link(request, error)
    _speak_employees_language(request, found)
    if request.method == "POST":
        try:
            if request.POST.get("decision") == "consent":
                done = services.grant_consent(token=token)
                template = "interventions/consent_given.html"
            else:
                done = services.refuse_consent(token=token)
                template = "interventions/consent_refused.html"
        except DomainError as error:
            return _invalid_link(request, error)
        return render(
            request,
            template,
            {"item": done, "withdraw_url": services.withdraw_url(done) if done.consent_nonce else ""},
        )
    return render(
        request,
        "interventions/consent.html",
        {"item": found, "scope": services.consent_scope(found), "version": services.CONSENT_TEXT_VERSION},
    )


@public_view
def consent_withdraw(request: HttpRequest, token: str) -> HttpResponse:
    try:
        found = services.resolve_link(token, services.WITHDRAW_SALT)
    except DomainError as error:
        return _invalid_link(request, error)
    _speak_employees_language(request, found)
    if request.method == "POST":
        try:
            services.withdraw_consent(token=token)
        except DomainError as error:
            return _invalid_link(request, error)
        return render(request, "interventions/consent_withdrawn.html", {"item": found})
    return render(request, "interventions/consent_withdraw.html", {"item": found})


@public_view
def survey(request: HttpRequest, token: str) -> HttpResponse:
    try:
        found = services.resolve_link(token, services.SURVEY_SALT)
    except DomainError as error:
        return _invalid_link(request, error)
    _speak_employees_language(request, found)
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_survey(token=token, **form.cleaned_data)
        except DomainError as error:
            return _invalid_link(request, error)
        return render(request, "interventions/survey_thanks.html", {"item": found})
    return render(request, "interventions/survey.html", {"item": found, "form": form})


# --- The care provider: work list, contact, plan, record, complete, extension ----------------


@org_view(Perm.PROVIDER_WORK)
def worklist(request: OrgRequest) -> HttpResponse:
    actor = request.actor
    status = request.GET.get("status", "open")
    queryset = queries.provider_requests(actor).select_related("intervention", "organisation")
    if status == "open":
        queryset = queryset.filter(status__in=workflow.OPEN_STATUSES)
    elif status in RequestStatus.values:
        queryset = queryset.filter(status=status)
    page = Paginator(queryset.order_by("-forwarded_at", "-pk"), PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "interventions/worklist.html",
        {"page": page, "status": status, "statuses": RequestStatus.choices},
    )


@org_view(Perm.PROVIDER_WORK)
def worklist_detail(request: OrgRequest, request_id: int) -> HttpResponse:
    actor = request.actor
    try:
        found = services.provider_request(actor=actor, request_id=request_id)
    except DomainError:
        raise Http404 from None
    return render(
        request,
        "interventions/worklist_detail.html",
        {
            "item": found,
            "appointments": found.appointments.all(),
            "extensions": found.extensions.all(),
            "events": found.events.all(),
            "appointment_form": AppointmentForm(),
            "extension_form": ExtensionForm(),
            "next_steps": workflow.allowed_targets(found.status, workflow.Actor.PROVIDER),
            "now": timezone.now(),
        },
    )


@org_view(Perm.PROVIDER_WORK)
@require_POST
def worklist_action(request: OrgRequest, request_id: int, action: str) -> HttpResponse:
    actor = request.actor
    found = queries.provider_requests(actor).filter(pk=request_id).first()
    if found is None:
        raise Http404
    back = redirect("interventions:worklist-detail", org=actor.organisation.slug, request_id=found.pk)
    try:
        if action == "gecontacteerd":
            services.mark_contacted(actor=actor, request=found)
        elif action == "afspraak":
            form = AppointmentForm(request.POST)
            if not form.is_valid():
                for error in form.errors.get("starts_at", []):
                    messages.error(request, str(error))
                return back
            services.plan_appointment(actor=actor, request=found, starts_at=form.cleaned_data["starts_at"])
        elif action == "afgerond":
            services.complete_request(actor=actor, request=found)
        elif action == "verlenging":
            ext_form = ExtensionForm(request.POST)
            if not ext_form.is_valid():
                for errors in ext_form.errors.values():
                    for error in errors:
                        messages.error(request, str(error))
                return back
            services.request_extension(actor=actor, request=found, **ext_form.cleaned_data)
        else:
            raise Http404
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Saved."))
    return back


@org_view(Perm.PROVIDER_WORK)
@require_POST
def appointment_action(request: OrgRequest, appointment_id: int, action: str) -> HttpResponse:
    actor = request.actor
    try:
        if action == "annuleren":
            appointment = services.cancel_appointment(actor=actor, appointment_id=appointment_id)
            if appointment.chargeable:
                messages.warning(
                    request, _("Cancelled less than 2 working days ahead: the appointment is charged.")
                )
            else:
                messages.success(request, _("Appointment cancelled free of charge."))
        else:
            appointment = services.record_attendance(
                actor=actor, appointment_id=appointment_id, attended=action == "aanwezig"
            )
            messages.success(request, _("Saved."))
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("interventions:worklist", org=actor.organisation.slug)
    return redirect(
        "interventions:worklist-detail", org=actor.organisation.slug, request_id=appointment.request_id
    )
