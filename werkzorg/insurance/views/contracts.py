from __future__ import annotations

from typing import cast

from django import forms
from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from werkzorg.access import Perm, get_or_404, scope
from werkzorg.access.views import OrgRequest, org_view
from werkzorg.core.actions import run_action
from werkzorg.core.errors import DomainError
from werkzorg.core.forms import add_domain_error
from werkzorg.insurance import services
from werkzorg.insurance.models import ChangeRequest, ContractDocument, InsuredPerson, InsuredQuerySet
from werkzorg.insurance.services import links, saved


class ChangeRequestForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("What should change?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("For example a new address, a new contact person or another bank account."),
    )


@org_view(Perm.INSURANCE)
def contract_list(request: OrgRequest) -> HttpResponse:
    """Contract details per collectivity: numbers, payment, products and prices, count, documents."""
    actor = request.actor
    today = timezone.localdate()
    contracts = list(services.contracts(actor).prefetch_related("prices__product"))
    counts = dict(
        cast(InsuredQuerySet, scope(InsuredPerson, actor))
        .on(today)
        .values_list("collectivity_id")
        .annotate(n=Count("pk"))
    )
    documents = scope(ContractDocument, actor).defer("content")
    changes = scope(ChangeRequest, actor)[:20]
    for contract in contracts:
        contract.insured_count = counts.get(contract.collectivity_id, 0)  # type: ignore[attr-defined]
        contract.current_prices = _current(contract, today)  # type: ignore[attr-defined]
        contract.document_list = [d for d in documents if d.contract_id == contract.pk]  # type: ignore[attr-defined]
    return render(request, "insurance/contracts.html", {"contracts": contracts, "changes": changes})


def _current(contract: object, today: object) -> list[object]:
    """The price of each product valid today (prices are ordered newest first per product)."""
    seen, current = set(), []
    for price in contract.prices.all():  # type: ignore[attr-defined]
        if price.valid_from <= today and price.product_id not in seen:
            seen.add(price.product_id)
            current.append(price)
    return current


@org_view(Perm.INSURANCE)
def contract_document(request: OrgRequest, document_id: int) -> HttpResponse:
    document = get_or_404(ContractDocument, request.actor, pk=document_id)
    response = HttpResponse(bytes(document.content), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    return response


@org_view(Perm.INSURANCE)
def change_request(request: OrgRequest, contract_id: int) -> HttpResponse:
    contract = services.get_contract(request.actor, contract_id)
    form = ChangeRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved.request_change(actor=request.actor, contract_id=contract.pk, text=form.cleaned_data["text"])
        messages.success(
            request, _("Your request has been sent to the desk. Its status is shown under the contract.")
        )
        return redirect("insurance:contracts", org=request.actor.organisation.slug)
    return render(request, "insurance/change_request.html", {"form": form, "contract": contract})


class LinkForm(forms.Form):
    customer_number = forms.CharField(label=gettext_lazy("Customer number"), max_length=20)
    collectivity_number = forms.CharField(label=gettext_lazy("Collectivity number"), max_length=20)


@org_view(Perm.INSURANCE)
def contract_links(request: OrgRequest) -> HttpResponse:
    """Link another employer's contract by its numbers; the other side confirms before it counts."""
    actor = request.actor
    form = LinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            links.request_link(actor=actor, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.info(
                request,
                _(
                    "Thank you. If these numbers belong to a contract of ours, its main account holder is asked "
                    "to confirm the link; it appears below once they have."
                ),
            )
            return redirect("insurance:links", org=actor.organisation.slug)
    context = {"form": form, "ours": links.our_links(actor), "theirs": links.links_to_confirm(actor)}
    return render(request, "insurance/links.html", context)


@org_view(Perm.CONFIRM_CONTRACT_LINKS)
@require_POST
def link_confirm(request: OrgRequest, link_id: int) -> HttpResponse:
    return run_action(
        request,
        lambda: links.confirm_link(actor=request.actor, link_id=link_id),
        success=_("Link confirmed: the other employer now sees this contract."),
        back=lambda _result: redirect("insurance:links", org=request.actor.organisation.slug),
    )


@org_view(Perm.INSURANCE)
@require_POST
def link_end(request: OrgRequest, link_id: int) -> HttpResponse:
    return run_action(
        request,
        lambda: links.end_link(actor=request.actor, link_id=link_id),
        success=_("The link has ended."),
        back=lambda _result: redirect("insurance:links", org=request.actor.organisation.slug),
    )
