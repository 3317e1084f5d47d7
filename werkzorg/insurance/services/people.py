"""Insured people: registering, deregistering, numbers and moves (mutations)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, get_or_404, require, scope
from werkzorg.audit.services import record
from werkzorg.core import crypto
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.employees.models import Employee
from werkzorg.insurance.models import (
    PREMIUM_KINDS,
    Coverage,
    InsuranceContract,
    InsuranceEvent,
    InsuredPerson,
    Mutation,
    MutationKind,
    Product,
    Relation,
)
from werkzorg.insurance.premiums import add_months
from werkzorg.insurance.services.bsn import clean_bsn
from werkzorg.insurance.services.reading import contract_of, family_of
from werkzorg.organisations.models import Collectivity


@dataclass
class NewPerson:
    first_name: str
    last_name: str
    date_of_birth: datetime.date
    bsn: str
    policy_number: str
    relation: str = Relation.POLICYHOLDER
    name_prefix: str = ""
    employee_number: str = ""


def _mutation(
    actor: Actor | None,
    insured: InsuredPerson,
    kind: MutationKind,
    effective: datetime.date,
    *,
    reason: str = "",
    detail: dict[str, Any] | None = None,
) -> Mutation:
    return Mutation.objects.create(
        collectivity_id=insured.collectivity_id,
        insured=insured,
        kind=kind,
        effective_date=effective,
        entered_by=actor.user if actor is not None else None,
        reason=reason,
        detail=detail or {},
        premium_effect=kind in PREMIUM_KINDS,
    )


def enrol_family(
    *,
    actor: Actor,
    collectivity: Collectivity,
    people: Sequence[NewPerson],
    products: Sequence[Product],
    start_date: datetime.date,
) -> list[InsuredPerson]:
    """The desk (or its import) registers a policyholder with family; the employer confirms them later.

    Not a top-level transaction of its own: the import calls it per family inside its one transaction.
    """
    require(actor, Perm.DESK_INSURANCE)
    if not people or people[0].relation != Relation.POLICYHOLDER:
        raise DomainError(_("A family starts with its policyholder."))
    holder: InsuredPerson | None = None
    created = []
    for person in people:
        insured = InsuredPerson.objects.create(
            organisation_id=collectivity.organisation_id,
            collectivity=collectivity,
            policy_number=person.policy_number,
            relation=person.relation,
            policyholder=holder,
            first_name=person.first_name,
            name_prefix=person.name_prefix,
            last_name=person.last_name,
            date_of_birth=person.date_of_birth,
            bsn_encrypted=crypto.encrypt(clean_bsn(person.bsn)),
            employee_number=person.employee_number if holder is None else "",
            start_date=start_date,
        )
        Coverage.objects.bulk_create(
            Coverage(insured=insured, product=product, start_date=start_date) for product in products
        )
        _mutation(actor, insured, MutationKind.ENROLLED, start_date, detail={"start_date": str(start_date)})
        holder = holder or insured
        created.append(insured)
    return created


def _employee(actor: Actor, number: str) -> Employee | None:
    """The person in the employer's register with that number (a link only; the desk's registration
    leaves it to the employer's confirmation)."""
    if not number:
        return None
    found: Employee | None = scope(Employee, actor).filter(employee_number=number).first()
    return found


def earliest_allowed(contract: InsuranceContract, today: datetime.date | None = None) -> datetime.date:
    """The earliest effective date of a mutation: `retroactive_months` before today (our default 3)."""
    return add_months(today or timezone.localdate(), -contract.retroactive_months)


def _check_retroactive(contract: InsuranceContract, day: datetime.date, field: str) -> None:
    earliest = earliest_allowed(contract)
    if day < earliest:
        raise DomainError(
            _("A change may go back to %(date)s at the earliest. For an older date please contact the desk.")
            % {"date": date_format(earliest, "j F Y")},
            field=field,
        )


def _locked(actor: Actor, insured_id: int) -> InsuredPerson:
    return cast(InsuredPerson, get_or_404(InsuredPerson.objects.select_for_update(), actor, pk=insured_id))


@transaction.atomic(durable=True)
def deregister(
    *, actor: Actor, insured_id: int, end_date: datetime.date, reason: str = ""
) -> list[InsuredPerson]:
    """Afmelden: the end date is the last day in the collectivity (leaving on 1 May: 30 April).

    A policyholder leaves with the family; a family member may leave alone. The people stay insured,
    just not in this collectivity. A date in a month already on an issued statement is corrected on the
    next statement (statements recompute those months; nothing issued changes).
    """
    require(actor, Perm.INSURANCE)
    insured = _locked(actor, insured_id)
    contract = contract_of(insured)
    _check_retroactive(contract, end_date, "end_date")
    leaving = family_of(insured) if insured.is_policyholder else [insured]
    leaving = [p for p in leaving if p.end_date is None or p.end_date > end_date]
    if insured not in leaving:
        raise ConflictError(
            _("%(name)s already leaves the collectivity on %(date)s.")
            % {"name": insured.display_name, "date": date_format(insured.end_date or end_date, "j F Y")},
            field="end_date",
        )
    for person in leaving:
        if end_date < person.start_date:
            raise DomainError(
                _("The end date cannot be before %(name)s joined the collectivity (%(date)s).")
                % {"name": person.display_name, "date": date_format(person.start_date, "j F Y")},
                field="end_date",
            )
    for person in leaving:
        old = person.end_date
        person.end_date = end_date
        person.save(update_fields=["end_date", "updated_at", "search_text"])
        person.coverages.filter(end_date__isnull=True).update(end_date=end_date)
        person.coverages.filter(end_date__gt=end_date).update(end_date=end_date)
        _mutation(
            actor,
            person,
            MutationKind.DEREGISTERED,
            end_date,
            reason=reason,
            detail={"end_date": [str(old) if old else None, str(end_date)]},
        )
        record(
            InsuranceEvent.MUTATION_ENTERED, actor=actor, subject=person, obj=person, detail="deregistered"
        )
    return leaving


@transaction.atomic(durable=True)
def change_employee_number(*, actor: Actor, insured_id: int, employee_number: str) -> InsuredPerson:
    """Add or change a policyholder's employee number, effective today (as insurers instruct employers)."""
    require(actor, Perm.INSURANCE)
    insured = _locked(actor, insured_id)
    if not insured.is_policyholder:
        raise DomainError(_("Only a policyholder has an employee number."), field="employee_number")
    number = employee_number.strip()
    if not number:
        raise DomainError(_("Enter the employee number."), field="employee_number")
    old = insured.employee_number
    if old == number:
        raise DomainError(_("This is already the employee number."), field="employee_number")
    insured.employee_number = number
    insured.employee = _employee(actor, number)
    insured.save(update_fields=["employee_number", "employee", "updated_at", "search_text"])
    _mutation(
        actor,
        insured,
        MutationKind.EMPLOYEE_NUMBER,
        timezone.localdate(),
        detail={"employee_number": [old, number]},
    )
    record(
        InsuranceEvent.MUTATION_ENTERED, actor=actor, subject=insured, obj=insured, detail="employee number"
    )
    return insured


@transaction.atomic(durable=True)
def confirm_insured(*, actor: Actor, insured_id: int, employee_number: str) -> InsuredPerson:
    """A new member the desk registered: the employer confirms (or supplies) the employee number."""
    require(actor, Perm.INSURANCE)
    insured = _locked(actor, insured_id)
    if insured.confirmed_at is not None or not insured.is_policyholder:
        raise ConflictError(_("This person needs no confirmation."))
    number = employee_number.strip()
    if not number:
        raise DomainError(_("Enter the employee number."), field="employee_number")
    old = insured.employee_number
    insured.employee_number = number
    insured.employee = _employee(actor, number)
    insured.confirmed_at = timezone.now()
    insured.save(update_fields=["employee_number", "employee", "confirmed_at", "updated_at", "search_text"])
    _mutation(
        actor,
        insured,
        MutationKind.CONFIRMED,
        timezone.localdate(),
        detail={"employee_number": [old, number]},
    )
    record(InsuranceEvent.MUTATION_ENTERED, actor=actor, subject=insured, obj=insured, detail="confirmed")
    return insured


@transaction.atomic(durable=True)
def move_insured(
    *, actor: Actor, insured_id: int, collectivity_id: int, effective_date: datetime.date
) -> list[InsuredPerson]:
    """A policyholder and family to another collectivity of the same employer from `effective_date`:
    they leave the old one the day before (a credit on its next statement) and join the new one
    (a debit on its next statement when the date lies in an issued month)."""
    require(actor, Perm.INSURANCE)
    insured = _locked(actor, insured_id)
    target = get_or_404(
        InsuranceContract.objects.select_related("collectivity"), actor, collectivity_id=collectivity_id
    )
    source = contract_of(insured)
    if target.collectivity_id == insured.collectivity_id:
        raise DomainError(_("Choose another collectivity."), field="collectivity")
    if not (source.withholds_from_salary and target.withholds_from_salary):
        raise DomainError(
            _("A move is only possible between collectivities whose premium is withheld from salary."),
            field="collectivity",
        )
    _check_retroactive(source, effective_date, "effective_date")
    family = [p for p in family_of(insured) if p.end_date is None or p.end_date >= effective_date]
    for person in family:
        if effective_date <= person.start_date:
            raise DomainError(
                _("The move must be after %(name)s joined the collectivity (%(date)s).")
                % {"name": person.display_name, "date": date_format(person.start_date, "j F Y")},
                field="effective_date",
            )
    priced = set(target.prices.values_list("product_id", flat=True))
    last_day = effective_date - datetime.timedelta(days=1)
    moved: list[InsuredPerson] = []
    holder: InsuredPerson | None = None
    for person in family:
        products = [
            c.product for c in person.coverages.all() if c.end_date is None or c.end_date >= effective_date
        ]
        missing = [p.name for p in products if p.pk not in priced]
        if missing:
            raise DomainError(
                _("The other collectivity does not offer: %(products)s.") % {"products": ", ".join(missing)},
                field="collectivity",
            )
        old_end = person.end_date
        person.end_date = last_day
        person.save(update_fields=["end_date", "updated_at", "search_text"])
        person.coverages.filter(end_date__isnull=True).update(end_date=last_day)
        person.coverages.filter(end_date__gt=last_day).update(end_date=last_day)
        new = InsuredPerson.objects.create(
            organisation_id=person.organisation_id,
            collectivity=target.collectivity,
            policy_number=person.policy_number,
            relation=person.relation,
            policyholder=holder,
            first_name=person.first_name,
            name_prefix=person.name_prefix,
            last_name=person.last_name,
            date_of_birth=person.date_of_birth,
            bsn_encrypted=person.bsn_encrypted,
            employee_number=person.employee_number,
            employee=person.employee,
            start_date=effective_date,
            end_date=old_end,
            confirmed_at=person.confirmed_at,
        )
        Coverage.objects.bulk_create(
            Coverage(insured=new, product=p, start_date=effective_date, end_date=old_end) for p in products
        )
        target_name = str(target.collectivity)
        _mutation(actor, person, MutationKind.MOVED_OUT, effective_date, detail={"to": target_name})
        _mutation(
            actor, new, MutationKind.MOVED_IN, effective_date, detail={"from": str(insured.collectivity)}
        )
        record(InsuranceEvent.MUTATION_ENTERED, actor=actor, subject=new, obj=new, detail="moved")
        holder = holder or new
        moved.append(new)
    return moved
