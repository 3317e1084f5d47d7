from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from werkzorg.access import Perm
from werkzorg.access.views import OrgRequest, org_view
from werkzorg.billing import services
from werkzorg.billing.forms import DeclarationForm, YearForm
from werkzorg.billing.views.files import attachment
from werkzorg.core.errors import DomainError
from werkzorg.core.forms import add_domain_error
from werkzorg.core.paging import paginate


@org_view(Perm.DECLARE_INVOICES)
def declaration_list(request: OrgRequest) -> HttpResponse:
    year = timezone.localdate().year
    context = {
        "page": paginate(request, services.declarations(request.actor), 25),
        "budget": services.budget_overview(request.actor, year),
    }
    return render(request, "billing/declarations.html", context)


@org_view(Perm.DECLARE_INVOICES)
def declaration_new(request: OrgRequest) -> HttpResponse:
    form = DeclarationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data["file"]
        try:
            services.declare(
                actor=request.actor,
                invoice=services.Invoice(
                    provider_name=data["provider_name"],
                    invoice_number=data["invoice_number"],
                    invoice_date=data["invoice_date"],
                    amount=data["amount"],
                    category=data["category"],
                    file_name=upload.name,
                    content=upload.read(services.MAX_INVOICE_BYTES + 1),
                    employee_number=data["employee_number"],
                ),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Declared. The desk checks the invoice; you see the decision here."))
            return redirect("billing:declarations", org=request.actor.organisation.slug)
    return render(request, "billing/declaration_form.html", {"form": form})


@org_view(Perm.DECLARE_INVOICES)
def declaration_file(request: OrgRequest, declaration_id: int) -> HttpResponse:
    name, content = services.declaration_file(actor=request.actor, declaration_id=declaration_id)
    return attachment(name, content)


@org_view(Perm.REPORTS)
def budget(request: OrgRequest) -> HttpResponse:
    today = timezone.localdate()
    form = YearForm(request.GET or None, initial={"year": today.year})
    year = form.cleaned_data["year"] if request.GET and form.is_valid() else today.year
    overview = services.budget_overview(request.actor, year)
    chart = {
        "label": _("Remaining budget (EUR)"),
        "months": [date_format(month, "M") for month, _value in overview.months],
        "values": [float(value) for _month, value in overview.months],
    }
    return render(request, "billing/budget.html", {"form": form, "budget": overview, "chart": chart})
