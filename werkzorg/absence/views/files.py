"""The employer's pages: files, sick and recovery reports, the timeline, plans, the task list."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkzorg.absence import queries
from werkzorg.absence.forms import (
    FileForm,
    MessagesForm,
    PartialRecoveryForm,
    PlanForm,
    RecoveryForm,
    RelapseForm,
    SickReportForm,
    StepForm,
)
from werkzorg.absence.models import AbsenceFile, PlanDocument, PlanKind
from werkzorg.absence.offsets import Step
from werkzorg.absence.services import exchange
from werkzorg.absence.services import files as file_services
from werkzorg.absence.services import steps as step_services
from werkzorg.access import Perm, get_or_404, scope
from werkzorg.access.views import OrgRequest, org_view
from werkzorg.core.actions import run_action
from werkzorg.core.errors import DomainError
from werkzorg.core.forms import add_domain_error
from werkzorg.core.paging import paginate, query_without_page
from werkzorg.employees.models import Employee

STATES = {"open", "recovered", "all"}


def _to_file(request: OrgRequest, file: AbsenceFile | Any) -> HttpResponse:
    return redirect("absence:detail", org=request.actor.organisation.slug, file_id=file.pk)


def _say_reported(request: OrgRequest, relapse: bool) -> None:
    if relapse:
        messages.success(request, _("Relapse within four weeks: the sick period continues in this file."))
    else:
        messages.success(request, _("Reported sick. The timeline below shows what is due and when."))


@org_view(Perm.VIEW_ABSENCE)
def file_list(request: OrgRequest) -> HttpResponse:
    state = request.GET.get("status", "open")
    state = state if state in STATES else "open"
    mine = request.GET.get("mijn") == "1"
    page = paginate(request, queries.list_files(request.actor, state=state, mine=mine), 25)
    rows = queries.rows_with_next_step(page.object_list, timezone.localdate())
    context = {"page": page, "rows": rows, "state": state, "mine": mine, "query": query_without_page(request)}
    return render(request, "absence/list.html", context)


@org_view(Perm.ABSENCE)
def report_sick(request: OrgRequest) -> HttpResponse:
    actor = request.actor
    initial: dict[str, Any] = {"first_sick_day": timezone.localdate()}
    picked = request.GET.get("medewerker", "")
    if picked.isdigit():
        employee = scope(Employee, actor).filter(pk=int(picked)).first()
        if employee is not None:
            initial["employee_number"] = employee.employee_number
    form = SickReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        employee = scope(Employee, actor).filter(employee_number=data.pop("employee_number").strip()).first()
        if employee is None:
            form.add_error("employee_number", _("No employee with this number in your register."))
        else:
            try:
                file, relapse = file_services.report_sick(
                    actor=actor, employee=employee, report=file_services.SickReport(**data)
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                _say_reported(request, relapse)
                return _to_file(request, file)
    return render(request, "absence/report.html", {"form": form})


@org_view(Perm.VIEW_ABSENCE)
def file_detail(request: OrgRequest, file_id: int) -> HttpResponse:
    context = queries.file_page(request.actor, file_id, timezone.localdate())
    file = context["file"]
    context["recordable"] = {
        s.step for s in context["steps"] if step_services.may_record(request.actor, s.step)
    }
    context["today"] = timezone.localdate()
    context["today_iso"] = context["today"].isoformat()
    context["employee_link_ready"] = bool(file.link_nonce)
    return render(request, "absence/detail.html", context)


@org_view(Perm.ABSENCE)
def edit_file(request: OrgRequest, file_id: int) -> HttpResponse:
    actor = request.actor
    file = queries.get_file(actor, file_id)
    managers = file_services.case_managers(actor)
    practitioners = file_services.authorised_practitioners(actor)
    initial = {name: getattr(file, name) for name in file_services.FILE_FIELDS}
    initial["case_manager"] = file.case_manager_id
    initial["practitioner"] = file.practitioner_id
    form = FileForm(
        request.POST or None,
        initial=initial,
        managers=[(u.pk, u.get_full_name() or u.email) for u in managers],
        practitioners=[(p.pk, str(p)) for p in practitioners],
    )
    if request.method == "POST" and form.is_valid():
        changes = dict(form.cleaned_data)
        changes["case_manager"] = next((u for u in managers if u.pk == changes["case_manager"]), None)
        changes["practitioner"] = next((p for p in practitioners if p.pk == changes["practitioner"]), None)
        try:
            file_services.update_file(actor=actor, file=file, changes=changes)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            return _to_file(request, file)
    return render(request, "absence/form.html", {"form": form, "file": file, "title": _("Change the file")})


@org_view(Perm.ABSENCE)
def partial_recovery(request: OrgRequest, file_id: int) -> HttpResponse:
    file = queries.get_file(request.actor, file_id)
    form = PartialRecoveryForm(request.POST or None, initial={"effective_from": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            file_services.report_partial_recovery(actor=request.actor, file=file, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            return _to_file(request, file)
    return render(
        request, "absence/form.html", {"form": form, "file": file, "title": _("Report partial recovery")}
    )


@org_view(Perm.ABSENCE)
def recovery(request: OrgRequest, file_id: int) -> HttpResponse:
    file = queries.get_file(request.actor, file_id)
    form = RecoveryForm(request.POST or None, initial={"recovered_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            file_services.report_recovery(actor=request.actor, file=file, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            return _to_file(request, file)
    return render(request, "absence/form.html", {"form": form, "file": file, "title": _("Report recovery")})


@org_view(Perm.ABSENCE)
def relapse(request: OrgRequest, file_id: int) -> HttpResponse:
    """Sick again: within four weeks of the recovery it continues this file, later it opens a new one."""
    file = queries.get_file(request.actor, file_id)
    form = RelapseForm(request.POST or None, initial={"first_sick_day": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            made, relapsed = file_services.report_sick(
                actor=request.actor,
                employee=file.employee,
                report=file_services.SickReport(**form.cleaned_data),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            _say_reported(request, relapsed)
            return _to_file(request, made)
    return render(request, "absence/form.html", {"form": form, "file": file, "title": _("Report sick again")})


@org_view(Perm.VIEW_ABSENCE)
@require_POST
def record_step(request: OrgRequest, file_id: int) -> HttpResponse:
    file = queries.get_file(request.actor, file_id)
    form = StepForm(request.POST)

    def action() -> Any:
        if not form.is_valid() or form.cleaned_data["step"] not in set(Step):
            raise DomainError(_("Give either the date it was done or the reason it does not apply."))
        data = form.cleaned_data
        return step_services.record_step(
            actor=request.actor,
            file=file,
            step=Step(data["step"]),
            sequence=data["sequence"],
            done_on=data["done_on"],
            not_applicable_reason=data["not_applicable_reason"],
        )

    return run_action(request, action, success=_("Step recorded."), back=lambda _r: _to_file(request, file))


@org_view(Perm.ABSENCE)
def new_plan(request: OrgRequest, file_id: int) -> HttpResponse:
    file = queries.get_file(request.actor, file_id)
    kind = request.GET.get("soort", PlanKind.PLAN)
    manager = file.case_manager.get_full_name() if file.case_manager else ""
    form = PlanForm(request.POST or None, initial={"kind": kind, "case_manager_name": manager})
    if request.method == "POST" and form.is_valid():
        try:
            step_services.write_plan(
                actor=request.actor,
                file=file,
                kind=PlanKind(form.cleaned_data["kind"]),
                goal=form.cleaned_data["goal"],
                agreements=form.cleaned_data["agreements"],
                case_manager_name=form.cleaned_data["case_manager_name"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            return _to_file(request, file)
    return render(
        request, "absence/form.html", {"form": form, "file": file, "title": _("Plan of action or evaluation")}
    )


@org_view(Perm.ABSENCE)
@require_POST
def sign_plan(request: OrgRequest, file_id: int, plan_id: int) -> HttpResponse:
    file = queries.get_file(request.actor, file_id)
    plan: PlanDocument = get_or_404(PlanDocument.objects.filter(file=file), request.actor, pk=plan_id)
    return run_action(
        request,
        lambda: step_services.sign_as_employer(actor=request.actor, plan=plan),
        success=_("Signed for the employer."),
        back=lambda _r: _to_file(request, file),
    )


@org_view(Perm.ABSENCE)
@require_POST
def send_link(request: OrgRequest, file_id: int) -> HttpResponse:
    file = queries.get_file(request.actor, file_id)
    return run_action(
        request,
        lambda: step_services.send_employee_link(actor=request.actor, file=file),
        success=_("The employee received a new link by e-mail; earlier links no longer work."),
        back=lambda _r: _to_file(request, file),
    )


@org_view(Perm.VIEW_ABSENCE)
def task_list(request: OrgRequest) -> HttpResponse:
    mine = request.GET.get("mijn") == "1"
    context = queries.task_list(request.actor, timezone.localdate(), mine=mine)
    context["mine"] = mine
    return render(request, "absence/tasks.html", context)


@org_view(Perm.ABSENCE)
def messages_export(request: OrgRequest) -> HttpResponse:
    """Sick, change and recovery reports of a period as messages for an absence insurer (XML)."""
    today = timezone.localdate()
    form = MessagesForm(request.GET or None, initial={"first": today.replace(day=1), "last": today})
    if request.GET and form.is_valid():
        first, last = form.cleaned_data["first"], form.cleaned_data["last"]
        content = exchange.absence_messages(actor=request.actor, first=first, last=last)
        response = HttpResponse(content, content_type="application/xml")
        response["Content-Disposition"] = (
            f'attachment; filename="verzuimberichten-{first:%Y%m%d}-{last:%Y%m%d}.xml"'
        )
        response["Cache-Control"] = "no-store"
        return response
    return render(request, "absence/messages.html", {"form": form})
