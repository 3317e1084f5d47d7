"""The main account holder: the quarterly collective statements (PDF with the originals, Excel) and the
quotes for extra work."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkzorg.access import Perm
from werkzorg.access.views import OrgRequest, org_view
from werkzorg.billing import services
from werkzorg.billing.views.files import attachment
from werkzorg.core.actions import run_action
from werkzorg.core.paging import paginate
from werkzorg.jobs.services import start_job

LINES_PER_PAGE = 100


@org_view(Perm.BILLING_STATEMENTS)
def statement_list(request: OrgRequest) -> HttpResponse:
    context = {
        "page": paginate(request, services.issued_statements(request.actor), 20),
        "quotes": services.quotes(request.actor)[:20],
    }
    return render(request, "billing/statements.html", context)


@org_view(Perm.BILLING_STATEMENTS)
def statement_detail(request: OrgRequest, collective_statement_id: int) -> HttpResponse:
    statement = services.statement_detail(request.actor, collective_statement_id)
    context = {
        "statement": statement,
        "totals": services.totals_per_payer(statement),
        "page": paginate(request, services.statement_lines(statement), LINES_PER_PAGE),
    }
    return render(request, "billing/statement.html", context)


@org_view(Perm.BILLING_STATEMENTS)
def statement_pdf(request: OrgRequest, collective_statement_id: int) -> HttpResponse:
    name, content = services.statement_file(actor=request.actor, statement_id=collective_statement_id)
    return attachment(name, content)


@org_view(Perm.BILLING_STATEMENTS)
@require_POST
def statement_excel(request: OrgRequest, collective_statement_id: int) -> HttpResponse:
    statement = services.statement_detail(request.actor, collective_statement_id)
    job = start_job(
        actor=request.actor,
        kind_name="billing.statement_excel",
        title=_("Collective statement %(number)s as Excel") % {"number": statement.number},
        params={"statement_id": statement.pk},
    )
    return redirect("jobs:detail", org=request.actor.organisation.slug, job_id=job.pk)


@org_view(Perm.BILLING_STATEMENTS)
@require_POST
def quote_decide(request: OrgRequest, quote_id: int) -> HttpResponse:
    accept = request.POST.get("decision") == "accept"
    return run_action(
        request,
        lambda: services.decide_quote(actor=request.actor, quote_id=quote_id, accept=accept),
        success=_("Accepted: the work is billed on the statement of the quarter it is delivered in.")
        if accept
        else _("Declined."),
        back=lambda _result: redirect("billing:statements", org=request.actor.organisation.slug),
    )
