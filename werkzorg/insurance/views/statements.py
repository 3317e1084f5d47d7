from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkzorg.access import Perm
from werkzorg.access.views import OrgRequest, org_view
from werkzorg.core.errors import DomainError
from werkzorg.core.forms import add_domain_error
from werkzorg.core.paging import paginate
from werkzorg.core.tabular import csv_text, write_csv, write_xlsx
from werkzorg.insurance import services
from werkzorg.insurance.forms import MonthField, PayrollForm
from werkzorg.insurance.premiums import add_months, month_start
from werkzorg.jobs.services import start_job

FORMATS = {"pdf", "xlsx", "csv"}


@org_view(Perm.INSURANCE)
def statement_list(request: OrgRequest) -> HttpResponse:
    contracts = list(services.contracts(request.actor))
    page = paginate(request, services.statements(request.actor), 24)
    invoices = services.invoices(request.actor)[:24]
    return render(
        request, "insurance/statements.html", {"page": page, "contracts": contracts, "invoices": invoices}
    )


@org_view(Perm.INSURANCE)
def statement_detail(request: OrgRequest, statement_id: int) -> HttpResponse:
    statement = services.get_statement(request.actor, statement_id)
    totals = paginate(request, services.policyholder_totals(statement), 50)
    corrections = statement.lines.filter(kind="correction").select_related("product")[:200]
    context = {"statement": statement, "page": totals, "corrections": corrections}
    return render(request, "insurance/statement.html", context)


# Above this many lines a file is made in the background, with progress on the job page.
LINES_IN_REQUEST = 5_000


@org_view(Perm.INSURANCE)
def statement_download(request: OrgRequest, statement_id: int, file_format: str) -> HttpResponse:
    statement = services.get_statement(request.actor, statement_id)
    if statement.line_count > LINES_IN_REQUEST:
        job = start_job(
            actor=request.actor,
            kind_name="insurance.statement_file",
            title=_("Premium statement %(number)s (%(format)s)")
            % {"number": statement.number, "format": file_format},
            params={"statement": statement.pk, "format": file_format},
        )
        return redirect("jobs:detail", org=request.actor.organisation.slug, job_id=job.pk)
    name, content, content_type = services.download_statement(
        actor=request.actor, statement_id=statement_id, file_format=file_format
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@org_view(Perm.INSURANCE)
def statement_payroll(request: OrgRequest, statement_id: int) -> HttpResponse:
    statement = services.get_statement(request.actor, statement_id)
    form = PayrollForm(request.POST or None, initial={"profile": "generic"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = services.make_payroll_file(
                actor=request.actor, statement_id=statement.pk, profile_name=data["profile"], options=data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            response = HttpResponse(made.content, content_type=made.content_type)
            response["Content-Disposition"] = f'attachment; filename="{made.filename}"'
            response["Cache-Control"] = "no-store"
            return response
    return render(request, "insurance/payroll.html", {"statement": statement, "form": form})


def _month(request: OrgRequest, name: str, default: datetime.date) -> datetime.date:
    try:
        value = MonthField(required=False).clean(request.GET.get(name) or None)
    except Exception:
        value = None
    return month_start(value) if value else default


@org_view(Perm.INSURANCE)
def reconciliation(request: OrgRequest) -> HttpResponse:
    """Digibord in the browser: mutations with premium consequences against the previous month,
    correction premiums up to a month, prolongation differences between any two months."""
    actor = request.actor
    contracts = [c for c in services.contracts(actor) if c.withholds_from_salary]
    chosen = next((c for c in contracts if str(c.collectivity_id) == request.GET.get("collectiviteit")), None)
    chosen = chosen or (contracts[0] if contracts else None)
    this_month = month_start(timezone.localdate())
    view = request.GET.get("overzicht", "mutaties")
    month = _month(request, "maand", this_month)
    first = _month(request, "van", add_months(this_month, -1))
    second = _month(request, "tot", this_month)
    context: dict[str, object] = {
        "contracts": contracts,
        "chosen": chosen,
        "view": view,
        "month": month,
        "first": first,
        "second": second,
        "columns": HEADERS["correcties" if view == "correcties" else "verschillen"],
    }
    if chosen is not None:
        if view == "correcties":
            context.update(services.correction_premiums(actor=actor, contract=chosen, up_to=month))
        elif view == "prolongatie":
            context.update(
                services.prolongation_differences(actor=actor, contract=chosen, first=first, second=second)
            )
        else:
            context.update(services.premium_mutations(actor=actor, contract=chosen, month=month))
        file_format = request.GET.get("formaat", "")
        if file_format in FORMATS:
            return _reconciliation_file(request, view, context, file_format)
    return render(request, "insurance/reconciliation.html", context)


def _reconciliation_file(
    request: OrgRequest, view: str, context: dict[str, Any], file_format: str
) -> HttpResponse:
    """The overview on screen as Excel, CSV or a printable PDF (the same rows, the same order)."""
    header = HEADERS["correcties" if view == "correcties" else "verschillen"]
    if view == "correcties":
        rows = [
            [line.statement.number, line.policy_number, line.name, line.product.name, f"{line.period:%Y-%m}",
             line.premium, line.contribution, line.withheld]
            for line in context["lines"]
        ]  # fmt: skip
    else:
        differences: Any = context["differences"] if view != "prolongatie" else context
        rows = [
            [r["policy_number"], r["name"], r["product__name"], r["before"], r["after"], r["difference"]]
            for r in differences["rows"]
        ]
    # The columns the user ticked, in the file's order (all when none are).
    chosen = [i for i, name in enumerate(header) if name in request.GET.getlist("kolom")] or list(
        range(len(header))
    )
    header = [header[i] for i in chosen]
    rows = [[row[i] for i in chosen] for row in rows]
    stem = f"premiecontrole-{view}-{timezone.localdate():%Y%m%d}"
    if file_format == "pdf":
        html = render_to_string(
            "insurance/table_pdf.html", {"title": _TITLES[view], "header": header, "rows": rows}
        )
        content, content_type = services.html_to_pdf(html), "application/pdf"
    elif file_format == "csv":
        content, content_type = write_csv(header, ([_csv_cell(v) for v in row] for row in rows)), "text/csv"
    else:
        content = write_xlsx(header, rows, title="Premiecontrole")
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{stem}.{file_format}"'
    response["Cache-Control"] = "no-store"
    return response


def _csv_cell(value: Any) -> Any:
    """Amounts with two decimals whatever the database summed them to; text never a formula."""
    return f"{value:.2f}" if isinstance(value, Decimal) else csv_text(value)


HEADERS = {
    "correcties": [
        "borderel",
        "polisnummer",
        "naam",
        "product",
        "maand",
        "premie",
        "werkgeversbijdrage",
        "inhouding",
    ],
    "verschillen": ["polisnummer", "naam", "product", "premie eerst", "premie daarna", "verschil"],
}
_TITLES = {
    "mutaties": gettext_lazy("Mutations with premium consequences"),
    "correcties": gettext_lazy("Correction premiums"),
    "prolongatie": gettext_lazy("Prolongation differences"),
}
