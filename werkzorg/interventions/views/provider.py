"""The care provider: the work list, and one view per step (contact, plan, record, complete, extension)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkzorg.access import Perm, get_or_404
from werkzorg.access.views import OrgRequest, org_view
from werkzorg.core.actions import run_action
from werkzorg.core.errors import DomainError
from werkzorg.core.paging import paginate, query_without_page
from werkzorg.interventions import queries, services, workflow
from werkzorg.interventions.forms import AppointmentForm, ExtensionForm
from werkzorg.interventions.models import Appointment, InterventionRequest, RequestStatus

PAGE_SIZE = 25


@org_view(Perm.PROVIDER_WORK)
def worklist(request: OrgRequest) -> HttpResponse:
    status = request.GET.get("status", "open")
    queryset = queries.provider_requests(request.actor).select_related("intervention", "organisation")
    if status == "open":
        queryset = queryset.filter(status__in=workflow.OPEN_STATUSES)
    elif status in RequestStatus.values:
        queryset = queryset.filter(status=status)
    page = paginate(request, queryset.order_by("-forwarded_at", "-pk"), PAGE_SIZE)
    return render(
        request,
        "interventions/worklist.html",
        {
            "page": page,
            "status": status,
            "statuses": RequestStatus.choices,
            "query": query_without_page(request),
        },
    )


@org_view(Perm.PROVIDER_WORK)
def worklist_detail(request: OrgRequest, request_id: int) -> HttpResponse:
    try:
        found = services.provider_request(actor=request.actor, request_id=request_id)
    except DomainError:  # no standing consent: to the provider the request does not exist
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


def _request(request: OrgRequest, request_id: int) -> InterventionRequest:
    return get_or_404(InterventionRequest, request.actor, pk=request_id)


def _back_to(request: OrgRequest, request_id: int) -> HttpResponse:
    return redirect(
        "interventions:worklist-detail", org=request.actor.organisation.slug, request_id=request_id
    )


def _form_errors(request: OrgRequest, form: AppointmentForm | ExtensionForm) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, str(error))


def _step(
    request: OrgRequest,
    request_id: int,
    step: Callable[..., object],
    form: AppointmentForm | ExtensionForm | None = None,
) -> HttpResponse:
    """One step on a request; a small form's errors become messages on the request's page."""
    found = _request(request, request_id)
    if form is not None and not form.is_valid():
        _form_errors(request, form)
        return _back_to(request, found.pk)
    data = form.cleaned_data if form is not None else {}
    return run_action(
        request,
        lambda: step(actor=request.actor, request=found, **data),
        success=_("Saved."),
        back=lambda _result: _back_to(request, found.pk),
    )


@org_view(Perm.PROVIDER_WORK)
@require_POST
def mark_contacted(request: OrgRequest, request_id: int) -> HttpResponse:
    return _step(request, request_id, services.mark_contacted)


@org_view(Perm.PROVIDER_WORK)
@require_POST
def plan_appointment(request: OrgRequest, request_id: int) -> HttpResponse:
    return _step(request, request_id, services.plan_appointment, AppointmentForm(request.POST))


@org_view(Perm.PROVIDER_WORK)
@require_POST
def complete_request(request: OrgRequest, request_id: int) -> HttpResponse:
    return _step(request, request_id, services.complete_request)


@org_view(Perm.PROVIDER_WORK)
@require_POST
def request_extension(request: OrgRequest, request_id: int) -> HttpResponse:
    return _step(request, request_id, services.request_extension, ExtensionForm(request.POST))


def _appointment(request: OrgRequest, appointment_id: int) -> Appointment:
    return get_or_404(Appointment, request.actor, pk=appointment_id)


def _record_attendance(request: OrgRequest, appointment_id: int, *, attended: bool) -> HttpResponse:
    appointment = _appointment(request, appointment_id)
    return run_action(
        request,
        lambda: services.record_attendance(
            actor=request.actor, appointment_id=appointment.pk, attended=attended
        ),
        success=_("Saved."),
        back=lambda _result: _back_to(request, appointment.request_id),
    )


@org_view(Perm.PROVIDER_WORK)
@require_POST
def appointment_attended(request: OrgRequest, appointment_id: int) -> HttpResponse:
    return _record_attendance(request, appointment_id, attended=True)


@org_view(Perm.PROVIDER_WORK)
@require_POST
def appointment_no_show(request: OrgRequest, appointment_id: int) -> HttpResponse:
    return _record_attendance(request, appointment_id, attended=False)


@org_view(Perm.PROVIDER_WORK)
@require_POST
def appointment_cancel(request: OrgRequest, appointment_id: int) -> HttpResponse:
    appointment = _appointment(request, appointment_id)

    def said(cancelled: Appointment) -> str:
        if cancelled.chargeable:
            return _("Cancelled less than 2 working days ahead: the appointment is charged.")
        return _("Appointment cancelled free of charge.")

    return run_action(
        request,
        lambda: services.cancel_appointment(actor=request.actor, appointment_id=appointment.pk),
        success=said,
        back=lambda _result: _back_to(request, appointment.request_id),
    )
