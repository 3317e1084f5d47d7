"""A user's saved filters of the list of insured people, and change requests to the desk."""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.http import QueryDict

from werkzorg.access import Actor, Perm, get_or_404, require, scope
from werkzorg.audit.services import record
from werkzorg.insurance.filters import InsuredFilter
from werkzorg.insurance.models import ChangeRequest, InsuranceContract, InsuranceEvent, SavedFilter


def saved_filters(actor: Actor) -> QuerySet[SavedFilter]:
    require(actor, Perm.INSURANCE)
    return scope(SavedFilter, actor)


@transaction.atomic(durable=True)
def save_filter(*, actor: Actor, name: str, query: str) -> SavedFilter:
    """Only the list's own filter fields are kept (a search token or page number is not a filter)."""
    require(actor, Perm.INSURANCE)
    given = QueryDict(query)
    kept = QueryDict(mutable=True)
    for key in InsuredFilter.base_filters:
        if given.get(key):
            kept[key] = given[key]
    query_string = kept.urlencode()[:500]
    saved: SavedFilter | None = scope(SavedFilter, actor).filter(name=name.strip()).first()
    if saved is None:
        return SavedFilter.objects.create(
            organisation=actor.organisation, user=actor.user, name=name.strip(), query=query_string
        )
    saved.query = query_string
    saved.save(update_fields=["query"])
    return saved


@transaction.atomic(durable=True)
def delete_filter(*, actor: Actor, filter_id: int) -> None:
    require(actor, Perm.INSURANCE)
    get_or_404(SavedFilter, actor, pk=filter_id).delete()


@transaction.atomic(durable=True)
def request_change(*, actor: Actor, contract_id: int, text: str) -> ChangeRequest:
    """The employer asks the desk to change company or contract data; the desk answers in its admin."""
    require(actor, Perm.INSURANCE)
    contract = get_or_404(InsuranceContract, actor, pk=contract_id)
    change = ChangeRequest.objects.create(
        collectivity_id=contract.collectivity_id, requested_by=actor.user, text=text
    )
    record(InsuranceEvent.CHANGE_REQUESTED, actor=actor, obj=change)
    return change
