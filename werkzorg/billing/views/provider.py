"""The care provider: its invoices and their status, invoicing a request, the employee's consent to claim
from their own insurer, and the outcome of that claim."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkzorg.access import Perm, get_or_404
from werkzorg.access.views import OrgRequest, org_view
from werkzorg.billing import services
from werkzorg.billing.forms import ClaimConsentForm, ClaimOutcomeForm, ProviderInvoiceForm
from werkzorg.billing.models import ClaimStatus, InvoiceStatus
from werkzorg.billing.views.files import attachment
from werkzorg.core.actions import run_action
from werkzorg.core.errors import DomainError
from werkzorg.core.forms import add_domain_error
from werkzorg.core.paging import paginate, query_without_page
from werkzorg.interventions.models import AppointmentStatus, InterventionRequest

PAGE_SIZE = 25


@org_view(Perm.PROVIDER_WORK)
def invoice_list(request: OrgRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    invoices = services.provider_invoices(request.actor)
    if status in InvoiceStatus.values:
        invoices = invoices.filter(status=status)
    context = {
        "page": paginate(request, invoices, PAGE_SIZE),
        "status": status,
        "statuses": InvoiceStatus.choices,
        "query": query_without_page(request),
        "requests": services.invoiceable_requests(request.actor)
        .filter(appointments__chargeable=True)
        .distinct()[:50],
    }
    return render(request, "billing/provider_invoices.html", context)


def _appointment_label(appointment: object) -> str:
    starts = timezone.localtime(appointment.starts_at)  # type: ignore[attr-defined]
    status = AppointmentStatus(appointment.status).label  # type: ignore[attr-defined]
    return f"{date_format(starts, 'j F Y H:i')}: {status}"


@org_view(Perm.PROVIDER_WORK)
def invoice_new(request: OrgRequest, request_id: int) -> HttpResponse:
    found: InterventionRequest = get_or_404(
        services.invoiceable_requests(request.actor), request.actor, pk=request_id
    )
    consent = services.claim_consent(request.actor, found)
    appointments = [(a.pk, _appointment_label(a)) for a in services.open_appointments(found)]
    form = ProviderInvoiceForm(
        request.POST or None,
        request.FILES or None,
        appointments=appointments,
        claim_allowed=consent is not None,
        initial={"invoice_date": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = form.cleaned_data
        try:
            invoice = services.submit_invoice(
                actor=request.actor,
                draft=services.InvoiceDraft(
                    request_id=found.pk,
                    number=data["number"],
                    invoice_date=data["invoice_date"],
                    file_name=upload.name,
                    content=upload.read(services.MAX_INVOICE_BYTES + 1),
                    appointment_ids=form.appointment_ids(),
                    offsets=form.offsets(),
                    third_party=[
                        services.ThirdPartyCost(*cost) for cost in form.third_party(data["invoice_date"])
                    ],
                ),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Submitted. The desk checks the invoice; you see its status here."))
            return redirect(
                "billing:provider-invoice", org=request.actor.organisation.slug, invoice_id=invoice.pk
            )
    context = {
        "item": found,
        "form": form,
        "consent": consent,
        "consent_form": ClaimConsentForm(),
        "agreed": services.agreed_sessions(found),
    }
    return render(request, "billing/provider_invoice_form.html", context)


@org_view(Perm.PROVIDER_WORK)
@require_POST
def claim_consent(request: OrgRequest, request_id: int) -> HttpResponse:
    get_or_404(services.invoiceable_requests(request.actor), request.actor, pk=request_id)
    form = ClaimConsentForm(request.POST)
    slug = request.actor.organisation.slug

    def record() -> object:
        if not form.is_valid():
            raise DomainError(_("Enter the date of consent and the employee's health insurer."))
        return services.record_claim_consent(
            actor=request.actor,
            request_id=request_id,
            consented_on=form.cleaned_data["consented_on"],
            insurer_name=form.cleaned_data["insurer_name"],
        )

    return run_action(
        request,
        record,
        success=_("The employee's consent is recorded; you may enter a claimed part per appointment."),
        back=lambda _result: redirect("billing:provider-invoice-new", org=slug, request_id=request_id),
    )


@org_view(Perm.PROVIDER_WORK)
def invoice_detail(request: OrgRequest, invoice_id: int) -> HttpResponse:
    invoice = services.provider_invoice(request.actor, invoice_id)
    context = {
        "invoice": invoice,
        "lines": invoice.lines.all(),
        "adjustments": invoice.adjustments.all(),
        "outcome_form": ClaimOutcomeForm() if invoice.claim_status == ClaimStatus.CLAIMED else None,
    }
    return render(request, "billing/provider_invoice.html", context)


@org_view(Perm.PROVIDER_WORK)
@require_POST
def claim_outcome(request: OrgRequest, invoice_id: int) -> HttpResponse:
    services.provider_invoice(request.actor, invoice_id)  # another provider's invoice: 404, form or not
    form = ClaimOutcomeForm(request.POST)
    slug = request.actor.organisation.slug

    def record() -> object:
        if not form.is_valid():
            raise DomainError(_("Enter the amount the employee's insurer reimbursed (0 when it rejected)."))
        return services.record_claim_outcome(
            actor=request.actor, invoice_id=invoice_id, reimbursed=form.cleaned_data["reimbursed"]
        )

    return run_action(
        request,
        record,
        success=_(
            "The outcome is recorded. What the insurer did not pay is billed to the employer and paid to you."
        ),
        back=lambda _result: redirect("billing:provider-invoice", org=slug, invoice_id=invoice_id),
    )


@org_view(Perm.PROVIDER_WORK)
def invoice_file(request: OrgRequest, invoice_id: int) -> HttpResponse:
    name, content = services.invoice_file(actor=request.actor, invoice_id=invoice_id)
    return attachment(name, content)
