"""Reading insured people: the contracts, the list, one person's page (audited) and their family."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django.db.models import Q, QuerySet

from werkzorg.access import Actor, Perm, get_or_404, require, scope
from werkzorg.audit.services import record
from werkzorg.core.ordering import sorted_rows
from werkzorg.insurance.models import (
    InsuranceContract,
    InsuranceEvent,
    InsuredPerson,
    InsuredQuerySet,
    Relation,
)
from werkzorg.organisations.models import Collectivity


def contracts(actor: Actor) -> QuerySet[InsuranceContract]:
    """The contracts of the collectivities the actor may see, with their collectivity."""
    require(actor, Perm.INSURANCE)
    return scope(InsuranceContract, actor).select_related("collectivity").order_by("collectivity__name")


def get_contract(actor: Actor, contract_id: int) -> InsuranceContract:
    require(actor, Perm.INSURANCE)
    contract: InsuranceContract = get_or_404(
        InsuranceContract.objects.select_related("collectivity"), actor, pk=contract_id
    )
    return contract


def contract_of(insured: InsuredPerson) -> InsuranceContract:
    """The person's contract: the one read with the person (read_insured) or one query."""
    if InsuredPerson.collectivity.is_cached(insured) and Collectivity.insurance_contract.is_cached(
        insured.collectivity
    ):
        contract: InsuranceContract = insured.collectivity.insurance_contract
        return contract
    return InsuranceContract.objects.get(collectivity_id=insured.collectivity_id)


def list_insured(*, actor: Actor, search: str = "") -> InsuredQuerySet:
    """Everyone in the collectivities the actor may see; a search is audited (it tells who is insured)."""
    require(actor, Perm.INSURANCE)
    people = cast(InsuredQuerySet, scope(InsuredPerson, actor))
    if search:
        people = people.search(search)
        record(InsuranceEvent.INSURED_SEARCHED, actor=actor)
    return people


def read_insured(*, actor: Actor, insured_id: int, fields: Sequence[str] = ()) -> InsuredPerson:
    """One person's page: the read is written to the audit log (NEN 7513). The contract comes along
    (`contract_of` then asks nothing more); with `fields`, only those are read."""
    require(actor, Perm.INSURANCE)
    found = InsuredPerson.objects.select_related("collectivity__insurance_contract", "policyholder")
    insured: InsuredPerson = get_or_404(found.only(*fields) if fields else found, actor, pk=insured_id)
    record(InsuranceEvent.INSURED_READ, actor=actor, subject=insured, obj=insured)
    return insured


# What the person's page shows of the person (not their encrypted BSN: "Show" asks for it), and only the
# names of their policyholder, collectivity and whether the contract withholds the premium from salary.
PERSON_FIELDS = (
    "organisation",
    "collectivity",
    "policy_number",
    "relation",
    "policyholder",
    "first_name",
    "name_prefix",
    "last_name",
    "date_of_birth",
    "employee_number",
    "start_date",
    "end_date",
    "policyholder__first_name",
    "policyholder__name_prefix",
    "policyholder__last_name",
    "collectivity__name",
    "collectivity__customer_number",
    "collectivity__collectivity_number",
    "collectivity__insurance_contract__collectivity",
    "collectivity__insurance_contract__payment_method",
)
# What the person's page shows of the others on the policy and of the history: no one else's
# encrypted BSN is read, and the user who entered a mutation is only a name.
FAMILY_FIELDS = ("first_name", "name_prefix", "last_name", "relation", "date_of_birth", "end_date")
COVERAGE_FIELDS = ("insured", "start_date", "end_date", "product__kind", "product__name")
MUTATION_FIELDS = (
    "insured",
    "kind",
    "effective_date",
    "entered_at",
    "reason",
    "entered_by__full_name",
    "entered_by__email",
)


def person_page(*, actor: Actor, insured_id: int) -> dict[str, Any]:
    """Everything one person's page shows, the read audited."""
    insured = read_insured(actor=actor, insured_id=insured_id, fields=PERSON_FIELDS)
    return {
        "insured": insured,
        "contract": contract_of(insured),
        "family": family_of(insured, fields=FAMILY_FIELDS),
        # A person has a few of each, in the models' order.
        "coverages": sorted_rows(
            insured.coverages.select_related("product").only(*COVERAGE_FIELDS),
            key=lambda coverage: (coverage.product.kind, coverage.product.name, coverage.pk),
        ),
        "mutations": sorted_rows(
            insured.mutations.select_related("entered_by").only(*MUTATION_FIELDS),
            key=lambda mutation: (mutation.entered_at, mutation.pk),
            reverse=True,
        ),
    }


def family_of(insured: InsuredPerson, *, fields: Sequence[str] = ()) -> list[InsuredPerson]:
    """The policyholder and everyone on their policy in the same collectivity, policyholder first;
    with `fields`, only those are read."""
    holder_id = insured.policyholder_id or insured.pk
    members = InsuredPerson.objects.filter(Q(pk=holder_id) | Q(policyholder_id=holder_id))
    if fields:
        members = members.only(*fields)
    return sorted_rows(members, key=lambda p: (p.relation != Relation.POLICYHOLDER, p.date_of_birth, p.pk))


def to_check(actor: Actor) -> InsuredQuerySet:
    """Policyholders the desk registered that the employer has not confirmed yet."""
    return list_insured(actor=actor).filter(
        confirmed_at__isnull=True, relation=Relation.POLICYHOLDER, end_date__isnull=True
    )
