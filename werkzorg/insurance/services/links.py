"""Linked contracts: one login for the collectivities of several employers (as insurers' employer portals offer), confirmed by the
other side. Asking reveals nothing: the answer is the same whether the numbers exist or not."""

from __future__ import annotations

import functools

from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, can, require, scope
from werkzorg.audit.services import record
from werkzorg.core.errors import DomainError, NotFound
from werkzorg.core.ratelimit import consume
from werkzorg.insurance.models import ContractLink, InsuranceContract, InsuranceEvent
from werkzorg.organisations.models import Collectivity, Organisation

ATTEMPTS_PER_HOUR = 10


def linked_to(organisation: Organisation) -> frozenset[int]:
    """For werkzorg.access: the other employers' collectivities this organisation may see.

    Asked on every insurance page, so the statement is written once rather than compiled by the ORM
    on each request (which cost more than running it, measured)."""
    with connection.cursor() as cursor:
        cursor.execute(_live_links_sql(), [organisation.pk])
        return frozenset(collectivity_id for (collectivity_id,) in cursor.fetchall())


@functools.cache
def _live_links_sql() -> str:
    # Only table and column names from the model go into the text; the organisation is a parameter.
    quote = connection.ops.quote_name
    column = {field.name: quote(field.column) for field in ContractLink._meta.concrete_fields}
    return (
        f"SELECT {column['collectivity']} FROM {quote(ContractLink._meta.db_table)} "  # noqa: S608
        f"WHERE {column['organisation']} = %s "
        f"AND {column['confirmed_at']} IS NOT NULL AND {column['ended_at']} IS NULL"
    )


def our_links(actor: Actor) -> QuerySet[ContractLink]:
    require(actor, Perm.INSURANCE)
    return scope(ContractLink, actor).filter(ended_at__isnull=True).select_related("collectivity")


def links_to_confirm(actor: Actor) -> QuerySet[ContractLink]:
    """Other employers' links to this organisation's contracts: pending and live, for its superusers."""
    if not can(actor, Perm.CONFIRM_CONTRACT_LINKS):
        return ContractLink.objects.none()
    return ContractLink.objects.filter(
        collectivity__in=scope(Collectivity, actor), ended_at__isnull=True
    ).select_related("collectivity", "organisation", "requested_by")


@transaction.atomic(durable=True)
def request_link(*, actor: Actor, customer_number: str, collectivity_number: str) -> None:
    """Ask to link a contract by its numbers. Whatever the numbers, the caller hears the same; a request
    exists only for a real contract of another employer, and counts only once that side confirms."""
    require(actor, Perm.INSURANCE)
    if not consume(f"contract-link:{actor.user.pk}", limit=ATTEMPTS_PER_HOUR, window=3600):
        raise DomainError(_("Too many attempts. Please try again in an hour."))
    target = (
        InsuranceContract.objects.filter(
            collectivity__customer_number=customer_number.strip(),
            collectivity__collectivity_number=collectivity_number.strip(),
        )
        .select_related("collectivity")
        .first()
    )
    collectivity = target.collectivity if target is not None else None
    taken = (
        collectivity is not None
        and scope(ContractLink, actor).filter(collectivity=collectivity, ended_at__isnull=True).exists()
    )
    if collectivity is not None and collectivity.organisation_id != actor.organisation.pk and not taken:
        link = ContractLink.objects.create(
            organisation=actor.organisation, collectivity=collectivity, requested_by=actor.user
        )
        record(InsuranceEvent.LINK_REQUESTED, actor=actor, obj=link)
        record(
            InsuranceEvent.LINK_REQUESTED,
            actor=actor,
            organisation=collectivity.organisation,
            obj=link,
            detail="to confirm",
        )
    else:
        record(InsuranceEvent.LINK_REQUESTED, actor=actor, outcome="no-link")


def _to_confirm(actor: Actor, link_id: int) -> ContractLink:
    link = links_to_confirm(actor).select_for_update().filter(pk=link_id).first()
    if link is None:
        raise NotFound()
    return link


@transaction.atomic(durable=True)
def confirm_link(*, actor: Actor, link_id: int) -> ContractLink:
    require(actor, Perm.CONFIRM_CONTRACT_LINKS)
    link = _to_confirm(actor, link_id)
    if link.confirmed_at is None:
        link.confirmed_at, link.confirmed_by = timezone.now(), actor.user
        link.save(update_fields=["confirmed_at", "confirmed_by"])
        record(InsuranceEvent.LINK_CONFIRMED, actor=actor, obj=link)
    return link


@transaction.atomic(durable=True)
def end_link(*, actor: Actor, link_id: int) -> ContractLink:
    """Either side ends a link (or refuses a request): the asking organisation or the contract's own."""
    require(actor, Perm.INSURANCE)
    link = scope(ContractLink, actor).select_for_update().filter(pk=link_id, ended_at__isnull=True).first()
    link = link or _to_confirm(actor, link_id)
    link.ended_at = timezone.now()
    link.save(update_fields=["ended_at"])
    record(InsuranceEvent.LINK_ENDED, actor=actor, obj=link)
    return link


@transaction.atomic(durable=True)
def confirm_link_by_desk(*, actor: Actor, link: ContractLink) -> None:
    require(actor, Perm.DESK_INSURANCE)
    locked = ContractLink.objects.select_for_update().get(pk=link.pk)
    if locked.confirmed_at is None and locked.ended_at is None:
        locked.confirmed_at, locked.confirmed_by = timezone.now(), actor.user
        locked.save(update_fields=["confirmed_at", "confirmed_by"])
        record(InsuranceEvent.LINK_CONFIRMED, actor=actor, organisation=locked.organisation, obj=locked)
