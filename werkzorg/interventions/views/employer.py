"""The employer: request, follow, export, cancel, decide on extensions, the dashboard."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkzorg.access import Perm, get_or_404
from werkzorg.access.views import OrgRequest, org_view
from werkzorg.core.actions import run_action
from werkzorg.core.errors import DomainError
from werkzorg.core.forms import add_domain_error
from werkzorg.core.paging import paginate, query_without_page
from werkzorg.interventions import queries, services, workflow
from werkzorg.interventions.filters import RequestFilter
from werkzorg.interventions.forms import RequestForm
from werkzorg.interventions.models import Extension, ExtensionStatus, RequestStatus
from werkzorg.jobs.services import start_job

PAGE_SIZE = 25


@org_view(Perm.VIEW_INTERVENTIONS)
def request_list(request: OrgRequest) -> HttpResponse:
    filters = RequestFilter(request.GET or None, queryset=queries.visible_requests(request.actor))
    page = paginate(request, filters.qs.order_by("-created_at", "-pk"), PAGE_SIZE, row=queries.RequestRow)
    template = "interventions/_request_table.html" if request.htmx else "interventions/request_list.html"  # type: ignore[attr-defined]
    return render(request, template, {"filter": filters, "page": page, "query": query_without_page(request)})


@org_view(Perm.VIEW_INTERVENTIONS)
@require_POST
def request_export(request: OrgRequest) -> HttpResponse:
    """Made in the background with the list's filters (in the form's URL); the job page shows progress."""
    job = start_job(
        actor=request.actor,
        kind_name="interventions.export",
        title=_("Export of intervention requests"),
        params={"query": request.GET.urlencode()},
    )
    return redirect("jobs:detail", org=request.actor.organisation.slug, job_id=job.pk)


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


@org_view(Perm.VIEW_INTERVENTIONS)
def request_detail(request: OrgRequest, request_id: int) -> HttpResponse:
    found = services.read_request(actor=request.actor, request_id=request_id)
    return render(
        request,
        "interventions/request_detail.html",
        {
            "item": found,
            **queries.request_parts(found),
            "timeline": workflow.TIMELINE,
            "can_cancel": workflow.can_transition(
                found.status, RequestStatus.CANCELLED, workflow.Actor.EMPLOYER
            ),
        },
    )


@org_view(Perm.MANAGE_INTERVENTIONS)
@require_POST
def request_cancel(request: OrgRequest, request_id: int) -> HttpResponse:
    actor = request.actor
    found = get_or_404(queries.visible_requests(actor), actor, pk=request_id)
    return run_action(
        request,
        lambda: services.cancel_request(actor=actor, request=found),
        success=_("Request %(number)s is cancelled.") % {"number": found.number},
        back=lambda _result: redirect(
            "interventions:detail", org=actor.organisation.slug, request_id=found.pk
        ),
    )


def _decide_extension(request: OrgRequest, extension_id: int, *, approve: bool) -> HttpResponse:
    actor = request.actor
    extension = get_or_404(
        Extension.objects.select_related("request"), actor, pk=extension_id, status=ExtensionStatus.PENDING
    )
    return run_action(
        request,
        lambda: services.decide_extension(actor=actor, extension=extension, approve=approve),
        success=_("Your decision on the extension is saved and sent to the provider."),
        back=lambda _result: redirect(
            "interventions:detail", org=actor.organisation.slug, request_id=extension.request_id
        ),
    )


@org_view(Perm.MANAGE_INTERVENTIONS)
@require_POST
def extension_approve(request: OrgRequest, extension_id: int) -> HttpResponse:
    return _decide_extension(request, extension_id, approve=True)


@org_view(Perm.MANAGE_INTERVENTIONS)
@require_POST
def extension_reject(request: OrgRequest, extension_id: int) -> HttpResponse:
    return _decide_extension(request, extension_id, approve=False)


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
