"""The physician's pages (medical permission) and consults, which the employer plans and cancels too."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkzorg.absence import queries
from werkzorg.absence.forms import AdviceForm, ConsultForm, InformationRequestForm, MedicalRecordForm
from werkzorg.absence.models import AbsenceFile, Consult, ConsultKind, ConsultStatus, MedicalRecordKind
from werkzorg.absence.services import files as file_services
from werkzorg.absence.services import medical
from werkzorg.access import Perm, can, get_or_404
from werkzorg.access.views import OrgRequest, org_view
from werkzorg.core.actions import run_action
from werkzorg.core.errors import DomainError
from werkzorg.core.forms import add_domain_error
from werkzorg.employees.models import Employee


def _to_file(request: OrgRequest, file: AbsenceFile) -> HttpResponse:
    return redirect("absence:detail", org=request.actor.organisation.slug, file_id=file.pk)


@org_view(Perm.MEDICAL_DATA)
def medical_file(request: OrgRequest, file_id: int) -> HttpResponse:
    """The physician's view of a file: medical records (written here), information requests."""
    file = queries.get_file(request.actor, file_id)
    form = MedicalRecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            medical.write_medical_record(
                actor=request.actor, file=file, kind=MedicalRecordKind(form.cleaned_data["kind"]),
                body=form.cleaned_data["body"],
            )  # fmt: skip
        except DomainError as error:
            add_domain_error(form, error)
        else:
            return redirect("absence:medical", org=request.actor.organisation.slug, file_id=file.pk)
    context = {
        "file": file,
        "form": form,
        "records": medical.medical_records(actor=request.actor, file=file),
        "requests": medical.information_requests(actor=request.actor, file=file),
    }
    return render(request, "absence/medical.html", context)


@org_view(Perm.MEDICAL_DATA)
def medical_export(request: OrgRequest, file_id: int) -> HttpResponse:
    file = queries.get_file(request.actor, file_id)
    content = medical.export_medical_file(actor=request.actor, file=file)
    response = HttpResponse(content, content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="medisch-dossier-{file.pk}.json"'
    response["Cache-Control"] = "no-store"
    return response


@org_view(Perm.MEDICAL_DATA)
def information_request(request: OrgRequest, file_id: int) -> HttpResponse:
    file = queries.get_file(request.actor, file_id)
    form = InformationRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            medical.request_information(actor=request.actor, file=file, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            return redirect("absence:medical", org=request.actor.organisation.slug, file_id=file.pk)
    title = _("Ask the treating physician for information")
    return render(request, "absence/form.html", {"form": form, "file": file, "title": title})


@org_view(Perm.MEDICAL_DATA)
def new_advice(request: OrgRequest, file_id: int) -> HttpResponse:
    file = queries.get_file(request.actor, file_id)
    form = AdviceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            medical.give_advice(actor=request.actor, file=file, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            return _to_file(request, file)
    context = {"form": form, "file": file, "title": _("Work-related advice for the employer"), "advice": True}
    return render(request, "absence/form.html", context)


@org_view(Perm.VIEW_ABSENCE)
def new_consult(request: OrgRequest, file_id: int) -> HttpResponse:
    actor = request.actor
    file = queries.get_file(actor, file_id)
    physician = can(actor, Perm.MEDICAL_DATA)
    practitioners = (
        None if physician else [(p.pk, str(p)) for p in file_services.authorised_practitioners(actor)]
    )
    kind = request.GET.get("soort", ConsultKind.FIRST)
    form = ConsultForm(request.POST or None, initial={"kind": kind}, practitioners=practitioners)
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data.get("practitioner")
        practitioner = next(
            (p for p in file_services.authorised_practitioners(actor) if p.pk == chosen), None
        )
        try:
            medical.plan_consult(
                actor=actor, employee=file.employee, file=file, kind=ConsultKind(form.cleaned_data["kind"]),
                starts_at=form.cleaned_data["starts_at"], practitioner=practitioner,
            )  # fmt: skip
        except DomainError as error:
            add_domain_error(form, error)
        else:
            return _to_file(request, file)
    return render(request, "absence/form.html", {"form": form, "file": file, "title": _("Plan a consult")})


@org_view(Perm.VIEW_ABSENCE)
@require_POST
def consult_status(request: OrgRequest, consult_id: int) -> HttpResponse:
    consult: Consult = get_or_404(Consult.objects.select_related("file"), request.actor, pk=consult_id)
    status = request.POST.get("status", "")

    def action() -> Consult:
        if status not in ConsultStatus.values:
            raise DomainError(_("This step is not possible."))
        return medical.change_consult(actor=request.actor, consult=consult, status=ConsultStatus(status))

    def back(_result: Consult | None) -> HttpResponse:
        if consult.file is not None:
            return _to_file(request, consult.file)
        return redirect("absence:tasks", org=request.actor.organisation.slug)

    return run_action(request, action, success=_("Consult updated."), back=back)


@org_view(Perm.VIEW_ABSENCE)
def prevention_consult(request: OrgRequest, employee_id: int) -> HttpResponse:
    """A prevention consult (open consultation hours) for an employee who is not reported sick."""
    actor = request.actor
    employee: Employee = get_or_404(Employee, actor, pk=employee_id)
    physician = can(actor, Perm.MEDICAL_DATA)
    practitioners = (
        None if physician else [(p.pk, str(p)) for p in file_services.authorised_practitioners(actor)]
    )
    form = ConsultForm(
        request.POST or None, initial={"kind": ConsultKind.PREVENTION}, practitioners=practitioners
    )
    del form.fields["kind"]
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data.get("practitioner")
        practitioner = next(
            (p for p in file_services.authorised_practitioners(actor) if p.pk == chosen), None
        )
        try:
            medical.plan_consult(
                actor=actor, employee=employee, file=None, kind=ConsultKind.PREVENTION,
                starts_at=form.cleaned_data["starts_at"], practitioner=practitioner,
            )  # fmt: skip
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Prevention consult planned; the employee gets an e-mail."))
            return redirect("absence:tasks", org=actor.organisation.slug)
    return render(request, "absence/prevention.html", {"form": form, "employee": employee})
