from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkzorg.access import Perm, get_or_404
from werkzorg.access.views import OrgRequest, org_view
from werkzorg.core.errors import DomainError
from werkzorg.core.forms import add_domain_error
from werkzorg.core.paging import paginate
from werkzorg.core.search import recall_search, remember_search
from werkzorg.employees import services
from werkzorg.employees.forms import EmployeeForm, EndEmploymentForm, ImportForm
from werkzorg.employees.models import Employee
from werkzorg.employees.queries import EmployeeRow
from werkzorg.jobs.services import start_job

PAGE_SIZE = 50


@org_view(Perm.VIEW_EMPLOYEES)
def employee_list(request: OrgRequest) -> HttpResponse:
    """The register; a search is posted and kept in the session, so no name lands in a URL or access log."""
    actor = request.actor
    show = request.POST.get("toon") or request.GET.get("toon", "in-dienst")
    if request.method == "POST":
        token = remember_search(request, request.POST.get("q", ""))
        query = urlencode({"zoek": token, "toon": show} if token else {"toon": show})
        if not request.htmx:  # type: ignore[attr-defined]
            return redirect(f"{request.path}?{query}")
    else:
        token = request.GET.get("zoek", "")
        query = ""
    search = recall_search(request, token)
    queryset = services.list_employees(actor=actor, search=search, include_former=show == "alle")
    page = paginate(request, queryset, PAGE_SIZE, row=EmployeeRow)
    template = "employees/_table.html" if request.htmx else "employees/list.html"  # type: ignore[attr-defined]
    context = {
        "page": page,
        "search": search,
        "show": show,
        "query": urlencode({"zoek": token, "toon": show}),
    }
    response = render(request, template, context)
    if query:
        response["HX-Push-Url"] = f"{request.path}?{query}"
    return response


@org_view(Perm.PICK_EMPLOYEES)
def employee_lookup(request: OrgRequest) -> HttpResponse:
    """A few matches for a picker (htmx POST): name, number and department only, never contact details."""
    search = request.POST.get("q", "").strip()[:100]
    matches = services.list_employees(actor=request.actor, search=search)[:8] if len(search) >= 2 else []
    return render(request, "employees/_lookup.html", {"matches": matches, "search": search})


@org_view(Perm.VIEW_EMPLOYEES)
def employee_detail(request: OrgRequest, employee_id: int) -> HttpResponse:
    employee = services.read_employee(actor=request.actor, employee_id=employee_id)
    return render(request, "employees/detail.html", {"employee": employee})


@org_view(Perm.MANAGE_EMPLOYEES)
def employee_create(request: OrgRequest) -> HttpResponse:
    actor = request.actor
    form = EmployeeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            employee = services.create_employee(actor=actor, data=form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("%(name)s added to the register.") % {"name": employee.display_name})
            return redirect("employees:detail", org=actor.organisation.slug, employee_id=employee.pk)
    return render(request, "employees/form.html", {"form": form, "employee": None})


@org_view(Perm.MANAGE_EMPLOYEES)
def employee_edit(request: OrgRequest, employee_id: int) -> HttpResponse:
    actor = request.actor
    employee = get_or_404(Employee, actor, pk=employee_id)
    form = EmployeeForm(request.POST or None, instance=employee)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_employee(actor=actor, employee=employee, data=form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("employees:detail", org=actor.organisation.slug, employee_id=employee.pk)
    return render(request, "employees/form.html", {"form": form, "employee": employee})


@org_view(Perm.MANAGE_EMPLOYEES)
def employee_end(request: OrgRequest, employee_id: int) -> HttpResponse:
    actor = request.actor
    employee = get_or_404(Employee, actor, pk=employee_id)
    form = EndEmploymentForm(request.POST or None, initial={"employment_end": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.end_employment(
                actor=actor, employee=employee, last_day=form.cleaned_data["employment_end"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Employment of %(name)s ended.") % {"name": employee.display_name})
            return redirect("employees:detail", org=actor.organisation.slug, employee_id=employee.pk)
    return render(request, "employees/end.html", {"form": form, "employee": employee})


@org_view(Perm.MANAGE_EMPLOYEES)
def employee_import(request: OrgRequest) -> HttpResponse:
    actor = request.actor
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():  # checked and written in the background
        upload = form.cleaned_data["file"]
        job = start_job(
            actor=actor,
            kind_name="employees.import",
            title=_("Import of %(name)s") % {"name": upload.name},
            params={"filename": upload.name},
            upload=upload,
        )
        return redirect("jobs:detail", org=actor.organisation.slug, job_id=job.pk)
    return render(request, "employees/import.html", {"form": form})


@org_view(Perm.MANAGE_EMPLOYEES)
@require_POST
def employee_export(request: OrgRequest) -> HttpResponse:
    """Made in the background (a register can hold 100,000 people); the job page shows progress and the file."""
    search = recall_search(request, request.POST.get("zoek", ""))
    file_format = "csv" if request.POST.get("formaat") == "csv" else "xlsx"
    job = start_job(
        actor=request.actor,
        kind_name="employees.export",
        title=_("Export of the employee register"),
        params={"search": search, "format": file_format},
    )
    return redirect("jobs:detail", org=request.actor.organisation.slug, job_id=job.pk)
