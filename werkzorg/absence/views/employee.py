"""The employee, who has no account: their own timeline, the plan of action to read and sign, and the
copies they must have by week 91, by an expiring link that a new link voids. Never medical detail."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkzorg.absence import queries
from werkzorg.absence.models import AbsenceFile
from werkzorg.absence.services import steps
from werkzorg.absence.timeline import compute
from werkzorg.access.views import public_view
from werkzorg.core.errors import DomainError
from werkzorg.core.pdf import html_to_pdf


def _invalid_link(request: HttpRequest, error: DomainError) -> HttpResponse:
    return render(request, "absence/link_invalid.html", {"message": error.message}, status=410)


def _context(file: AbsenceFile) -> dict[str, object]:
    today = timezone.localdate()
    periods = list(file.periods.order_by("start", "id"))
    records = [r.as_record() for r in file.step_records.all()]
    return {
        "file": file,
        "periods": periods,
        "steps": compute(file.course(periods), records, today),
        "plans": queries.plans_for_employee(file),
        "advices": list(file.advices.select_related("practitioner")),
        "today": today,
    }


@public_view
def employee_file(request: HttpRequest, token: str) -> HttpResponse:
    try:
        file = steps.open_link(token)
    except DomainError as error:
        return _invalid_link(request, error)
    return render(request, "absence/employee.html", {**_context(file), "token": token})


@public_view
def employee_copy(request: HttpRequest, token: str) -> HttpResponse:
    """The employee's copy of the re-integration file (plans, evaluations, advice, timeline) as a PDF."""
    try:
        file = steps.open_link(token, purpose="copy")
    except DomainError as error:
        return _invalid_link(request, error)
    html = render_to_string("absence/employee_copy_pdf.html", _context(file), request=request)
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="re-integratiedossier-{file.first_sick_day:%Y%m%d}.pdf"'
    )
    response["Cache-Control"] = "no-store"
    return response


@public_view
@require_POST
def employee_sign(request: HttpRequest, token: str, plan_id: int) -> HttpResponse:
    try:
        steps.sign_as_employee(token=token, plan_id=plan_id)
    except steps.InvalidLink as error:
        return _invalid_link(request, error)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Thank you: you signed the document."))
    return redirect("absence:employee", token=token)
