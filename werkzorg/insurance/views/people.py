from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any, ClassVar

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkzorg.access import Perm
from werkzorg.access.views import OrgRequest, org_view
from werkzorg.core.actions import run_action
from werkzorg.core.errors import DomainError
from werkzorg.core.forms import add_domain_error
from werkzorg.core.paging import paginate
from werkzorg.core.search import recall_search, remember_search
from werkzorg.insurance import services
from werkzorg.insurance.filters import InsuredFilter
from werkzorg.insurance.forms import DeregisterForm, EmployeeNumberForm, ExportForm, MoveForm, SavedFilterForm
from werkzorg.insurance.models import InsuredWords
from werkzorg.insurance.services import saved
from werkzorg.jobs.services import start_job
from werkzorg.organisations.models import Collectivity

PAGE_SIZE = 50


@dataclass(frozen=True, slots=True)
class InsuredRow(InsuredWords):
    """A row of the list as plain values (not the encrypted BSN nor the search text): fifty model
    instances with their collectivities cost the page more than reading them (measured)."""

    pk: int
    first_name: str
    name_prefix: str
    last_name: str
    policy_number: str
    employee_number: str
    relation: str
    date_of_birth: datetime.date
    collectivity_name: str
    start_date: datetime.date
    end_date: datetime.date | None
    # The values read for a row, in the order of the fields above.
    columns: ClassVar[tuple[str, ...]] = (
        "pk",
        "first_name",
        "name_prefix",
        "last_name",
        "policy_number",
        "employee_number",
        "relation",
        "date_of_birth",
        "collectivity__name",
        "start_date",
        "end_date",
    )


def _collectivities(request: OrgRequest) -> Any:
    return Collectivity.objects.filter(pk__in=services.contracts(request.actor).values("collectivity_id"))


@org_view(Perm.INSURANCE)
def insured_list(request: OrgRequest) -> HttpResponse:
    """Search one person or list everyone, filter on every column and on dates in and out, sort, page."""
    actor = request.actor
    if request.method == "POST":  # a name is posted and kept in the session, never put in the URL
        token = remember_search(request, request.POST.get("q", ""))
        params = request.GET.copy()
        params.pop("pagina", None)
        params["zoek"] = token
        if not token:
            params.pop("zoek")
        return redirect(f"{request.path}?{params.urlencode()}")
    search = recall_search(request, request.GET.get("zoek", ""))
    people = services.list_insured(actor=actor, search=search)
    collectivities = _collectivities(request)
    filters = InsuredFilter(request.GET or None, queryset=people, collectivities=collectivities)
    page = paginate(request, filters.qs, PAGE_SIZE, row=InsuredRow)
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {
        "filters": filters,
        # the filter form is rendered once per query and set of collectivities (their names included)
        "collectivity_key": tuple(collectivities.values_list("pk", "name")),
        "page": page,
        "search": search,
        "query": query.urlencode(),
        "export_form": ExportForm(),
        "saved_filters": saved.saved_filters(actor),
        "saved_filter_form": SavedFilterForm(),
        "to_check": services.to_check(actor).count(),
    }
    return render(request, "insurance/list.html", context)


@org_view(Perm.INSURANCE)
def insured_detail(request: OrgRequest, insured_id: int) -> HttpResponse:
    context = services.person_page(actor=request.actor, insured_id=insured_id)
    return render(request, "insurance/detail.html", context | {"today": timezone.localdate()})


@org_view(Perm.INSURANCE)
@require_POST
def insured_bsn(request: OrgRequest, insured_id: int) -> HttpResponse:
    """The BSN in full, only on this explicit (audited) request; the page shows it masked."""
    bsn = services.reveal_bsn(actor=request.actor, insured_id=insured_id)
    response = render(request, "insurance/_bsn.html", {"bsn": bsn})
    response["Cache-Control"] = "no-store"
    return response


def _form_page(
    request: OrgRequest, insured_id: int, form: Any, template: str, act: Any, success: str, **context: Any
) -> HttpResponse:
    """Parse, call the service, go back to the person: the shape of every mutation page."""
    insured = services.read_insured(actor=request.actor, insured_id=insured_id)
    if request.method == "POST" and form.is_valid():
        try:
            result = act(insured, form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, success)
            target = result[0] if isinstance(result, list) else result
            return redirect("insurance:detail", org=request.actor.organisation.slug, insured_id=target.pk)
    contract = services.contract_of(insured)
    family = services.family_of(insured)
    # A date field says from when a date is accepted, before the user tries one (the service still decides).
    earliest = max(services.earliest_allowed(contract), insured.start_date)
    dated = [name for name in ("end_date", "effective_date") if name in form.fields]
    for name in dated:
        form.fields[name].widget.attrs["min"] = earliest.isoformat()
    context |= {"earliest": earliest if dated else None}
    return render(
        request,
        template,
        {"form": form, "insured": insured, "contract": contract, "family": family, **context},
    )


@org_view(Perm.INSURANCE)
def insured_deregister(request: OrgRequest, insured_id: int) -> HttpResponse:
    form = DeregisterForm(request.POST or None)
    return _form_page(
        request,
        insured_id,
        form,
        "insurance/deregister.html",
        lambda insured, data: services.deregister(
            actor=request.actor, insured_id=insured.pk, end_date=data["end_date"], reason=data["reason"]
        ),
        _(
            "Deregistered. The end date is on the person's page; a past month is corrected on the next statement."
        ),
    )


@org_view(Perm.INSURANCE)
def insured_employee_number(request: OrgRequest, insured_id: int) -> HttpResponse:
    form = EmployeeNumberForm(request.POST or None)
    return _form_page(
        request,
        insured_id,
        form,
        "insurance/employee_number.html",
        lambda insured, data: services.change_employee_number(
            actor=request.actor, insured_id=insured.pk, employee_number=data["employee_number"]
        ),
        _("Employee number saved, effective today."),
    )


@org_view(Perm.INSURANCE)
def insured_move(request: OrgRequest, insured_id: int) -> HttpResponse:
    choices = [
        (c.collectivity_id, str(c.collectivity))
        for c in services.contracts(request.actor)
        if c.withholds_from_salary
    ]
    form = MoveForm(request.POST or None, choices=choices)
    return _form_page(
        request,
        insured_id,
        form,
        "insurance/move.html",
        lambda insured, data: services.move_insured(
            actor=request.actor,
            insured_id=insured.pk,
            collectivity_id=data["collectivity"],
            effective_date=data["effective_date"],
        ),
        _(
            "Moved. The old collectivity's next statement credits, the new one's debits what lies in the past."
        ),
    )


@org_view(Perm.INSURANCE)
def insured_to_check(request: OrgRequest) -> HttpResponse:
    """New members the desk registered: the employer confirms each one's employee number."""
    page = paginate(request, services.to_check(request.actor).select_related("collectivity"), PAGE_SIZE)
    return render(request, "insurance/to_check.html", {"page": page})


@org_view(Perm.INSURANCE)
@require_POST
def insured_confirm(request: OrgRequest, insured_id: int) -> HttpResponse:
    return run_action(
        request,
        lambda: services.confirm_insured(
            actor=request.actor,
            insured_id=insured_id,
            employee_number=request.POST.get("employee_number", ""),
        ),
        success=lambda person: _("%(name)s confirmed.") % {"name": person.display_name},
        back=lambda _result: redirect("insurance:to-check", org=request.actor.organisation.slug),
    )


def _filters_of(request: OrgRequest) -> dict[str, object]:
    """The list's filters as they were on the page the export was asked from (posted along)."""
    return {k: v for k, v in request.POST.items() if k in InsuredFilter.base_filters and v}


@org_view(Perm.INSURANCE)
@require_POST
def insured_export(request: OrgRequest) -> HttpResponse:
    """The short list with the chosen columns; made in the background, with progress on the job page."""
    form = ExportForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    job = start_job(
        actor=request.actor,
        kind_name="insurance.short_list",
        title=_("List of insured people"),
        params={
            "filters": _filters_of(request),
            "columns": data.get("columns", []),
            "format": data.get("format", "xlsx"),
        },
    )
    return redirect("jobs:detail", org=request.actor.organisation.slug, job_id=job.pk)


@org_view(Perm.INSURANCE)
@require_POST
def insured_export_extended(request: OrgRequest) -> HttpResponse:
    job = start_job(
        actor=request.actor,
        kind_name="insurance.extended_list",
        title=_("Extended list of insured people (to your inbox)"),
        params={"filters": _filters_of(request)},
    )
    return redirect("jobs:detail", org=request.actor.organisation.slug, job_id=job.pk)


@org_view(Perm.INSURANCE)
@require_POST
def filter_save(request: OrgRequest) -> HttpResponse:
    form = SavedFilterForm(request.POST)
    query = request.POST.get("query", "")
    if form.is_valid():
        saved.save_filter(actor=request.actor, name=form.cleaned_data["name"], query=query)
        messages.success(request, _("Filter saved."))
    else:
        messages.error(request, _("Give the filter a name."))
    return redirect(f"{_list_url(request)}?{query}")


@org_view(Perm.INSURANCE)
@require_POST
def filter_delete(request: OrgRequest, filter_id: int) -> HttpResponse:
    saved.delete_filter(actor=request.actor, filter_id=filter_id)
    messages.success(request, _("Filter removed."))
    return redirect(_list_url(request))


def _list_url(request: OrgRequest) -> str:
    return reverse("insurance:list", kwargs={"org": request.actor.organisation.slug})
