from __future__ import annotations

import functools
from typing import Any

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.db.models import Model, Q, QuerySet

from werkzorg.access import Actor, scope
from werkzorg.access.policy import SUPERUSER_LOOKUP
from werkzorg.organisations.models import (
    Collectivity,
    Membership,
    Organisation,
    OrganisationKind,
    PhysicianAuthorisation,
    Practitioner,
    TermsVersion,
)


def standing(
    user: Any, org_slug: str
) -> tuple[Organisation, Membership | None, PhysicianAuthorisation | None] | None:
    """A user's membership and physician authorisation in an active organisation; None without either.

    Registered with werkzorg.access at start-up: the access layer decides what the standing allows.
    """
    # Every signed-in page asks this: one hand-written statement for a member (the common case), which
    # costs a quarter of the same query built by the ORM with a subquery; a second only for a physician
    # without a membership.
    with connection.cursor() as cursor:
        cursor.execute(_standing_sql(), [user.pk, user.pk, org_slug])
        row = cursor.fetchone()
    return _standing_of(user, org_slug, row)


def user_with_standing(
    user_id: Any, org_slug: str
) -> tuple[Any, tuple[Organisation, Membership | None, PhysicianAuthorisation | None] | None] | None:
    """The user with that id and their standing in `org_slug` (as `standing`), read in one statement; None
    when there is no such user. Registered with werkzorg.access: an organisation's page loads its
    signed-in user this way, one statement less on every such page."""
    user_model = get_user_model()
    with connection.cursor() as cursor:
        cursor.execute(_user_standing_sql(), [org_slug, user_id, user_id])
        row = cursor.fetchone()
    if row is None:
        return None
    user_fields = _concrete_attnames(user_model)
    user = user_model.from_db(DEFAULT_DB_ALIAS, user_fields, row[: len(user_fields)])
    member_row = row[len(user_fields) :]
    return user, _standing_of(user, org_slug, member_row if member_row[0] is not None else None)


def _standing_of(
    user: Any, org_slug: str, row: tuple[Any, ...] | None
) -> tuple[Organisation, Membership | None, PhysicianAuthorisation | None] | None:
    """The standing from a row of `_member_columns()` (None: the user is no member there)."""
    if row is not None:
        membership_fields, organisation_fields = (
            _concrete_attnames(Membership),
            _concrete_attnames(Organisation),
        )
        membership = Membership.from_db(DEFAULT_DB_ALIAS, membership_fields, row[: len(membership_fields)])
        organisation = Organisation.from_db(
            DEFAULT_DB_ALIAS, organisation_fields, row[len(membership_fields) : -2]
        )
        membership.organisation = organisation
        membership.has_collectivity_limit = bool(row[-2])
        authorisation_id = row[-1]
        authorisation = (
            PhysicianAuthorisation(pk=authorisation_id, organisation=organisation)
            if authorisation_id
            else None
        )
        return organisation, membership, authorisation
    # A physician, or a practice assistant working for one, acting where the physician is authorised.
    authorisation = (
        PhysicianAuthorisation.objects.active()
        .select_related("organisation")
        .filter(Q(practitioner__user=user) | Q(practitioner__assistants__user=user))
        .filter(organisation__slug=org_slug, organisation__is_active=True)
        .first()
    )
    if authorisation is None:
        return None
    return authorisation.organisation, None, authorisation


def _concrete_attnames(model: type[Model]) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields]


def _columns(alias: str, model: type[Model]) -> str:
    quote = connection.ops.quote_name
    return ", ".join(f"{alias}.{quote(f.column)}" for f in model._meta.concrete_fields)


def _member_columns() -> str:
    """The membership, its organisation, whether the insurance role is limited to some collectivities,
    and the user's active physician authorisation there (if any): what `_standing_of` reads."""
    quote = connection.ops.quote_name
    limits = Membership.insurance_collectivities.through._meta
    # Whether the insurance role is limited comes along, so an unlimited member (nearly everyone) needs
    # no second statement on pages of collectivity data.
    return (
        f"{_columns('m', Membership)}, {_columns('o', Organisation)}, "  # noqa: S608
        f"EXISTS (SELECT 1 FROM {quote(limits.db_table)} l "
        f"WHERE l.{quote(limits.get_field('membership').column)} = m.id), auth.id"
    )


def _authorisation_join() -> str:
    """The user's active physician authorisations (one parameter: the user's id), joined to the organisation `o`."""
    quote = connection.ops.quote_name
    authorisation, practitioner = PhysicianAuthorisation._meta, Practitioner._meta
    return (
        f"LEFT JOIN (SELECT a.id, a.organisation_id FROM {quote(authorisation.db_table)} a "  # noqa: S608
        f"JOIN {quote(practitioner.db_table)} p ON p.id = a.practitioner_id "
        "WHERE p.user_id = %s AND a.revoked_at IS NULL) auth ON auth.organisation_id = o.id"
    )


# Only table and column names from the models go into these texts; every value is a parameter.
@functools.cache
def _standing_sql() -> str:
    """The membership, its organisation and the user's active authorisation there (if any), by slug."""
    quote = connection.ops.quote_name
    return (
        f"SELECT {_member_columns()} "  # noqa: S608
        f"FROM {quote(Membership._meta.db_table)} m "
        f"JOIN {quote(Organisation._meta.db_table)} o ON o.id = m.organisation_id "
        f"{_authorisation_join()} "
        "WHERE m.user_id = %s AND o.slug = %s AND o.is_active "
        "ORDER BY auth.id LIMIT 1"
    )


@functools.cache
def _user_standing_sql() -> str:
    """The user by id and, as in `_standing_sql`, their membership in the organisation with the slug."""
    quote = connection.ops.quote_name
    user_model = get_user_model()
    return (
        f"SELECT {_columns('u', user_model)}, {_member_columns()} "  # noqa: S608
        f"FROM {quote(user_model._meta.db_table)} u "
        f"LEFT JOIN ({quote(Membership._meta.db_table)} m "
        f"JOIN {quote(Organisation._meta.db_table)} o ON o.id = m.organisation_id "
        "AND o.slug = %s AND o.is_active) ON m.user_id = u.id "
        f"{_authorisation_join()} "
        "WHERE u.id = %s ORDER BY auth.id LIMIT 1"
    )


TERMS_CACHE_SECONDS = 60  # a newly published version is asked for within a minute


def terms_outstanding(organisation: Organisation) -> bool:
    """An employer must accept the terms in force before it can work in the portal (cached: every page asks)."""
    if organisation.kind != OrganisationKind.EMPLOYER:
        return False
    current_id = cache.get_or_set("werkzorg:terms:current", _current_terms_id, TERMS_CACHE_SECONDS)
    if not current_id:
        return False
    return bool(
        cache.get_or_set(
            terms_cache_key(organisation),
            lambda: not organisation.terms_acceptances.filter(terms_version_id=current_id).exists(),
            TERMS_CACHE_SECONDS,
        )
    )


def terms_cache_key(organisation: Organisation) -> str:
    return f"werkzorg:terms:outstanding:{organisation.pk}"


def _current_terms_id() -> int:
    current = TermsVersion.current()
    return current.pk if current is not None else 0


def list_organisations_for_user(user: Any) -> list[Organisation]:
    """Every organisation the user may act for: memberships and physician authorisations.

    Cached per user for the switcher on every page; standing changes call `forget_organisations(user)`.
    """

    def load() -> list[Organisation]:
        member_of = Organisation.objects.filter(memberships__user=user, is_active=True)
        authorised_for = Organisation.objects.filter(
            authorisations__practitioner__user=user, authorisations__revoked_at__isnull=True, is_active=True
        )
        return list((member_of | authorised_for).distinct().order_by("name"))

    found: list[Organisation] = cache.get_or_set(f"werkzorg:orgs-of:{user.pk}", load, 300)  # type: ignore[assignment]
    return found


def forget_organisations(*users: Any) -> None:
    _forget([f"werkzorg:orgs-of:{user.pk}" for user in users if user is not None])


def forget_terms(organisation: Organisation) -> None:
    _forget([terms_cache_key(organisation)])


def _forget(keys: list[str]) -> None:
    """Now, and again after commit: a page read in between may have cached the old state."""
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def home_collectivities(actor: Actor) -> list[Collectivity]:
    """The collectivities on the organisation's home page, with only the columns it shows."""
    return list(
        scope(Collectivity, actor)
        .only("name", "customer_number", "collectivity_number")
        .order_by("name", "pk")
    )


def list_members(actor: Actor) -> QuerySet[Membership]:
    return scope(Membership, actor).select_related("user").order_by("user__full_name", "user__email")


def count_superusers(actor: Actor) -> int:
    return scope(Membership, actor).filter(**SUPERUSER_LOOKUP, user__is_active=True).count()


def list_authorisations(actor: Actor) -> QuerySet[PhysicianAuthorisation]:
    return (
        scope(PhysicianAuthorisation, actor)
        .select_related("practitioner", "authorised_by", "revoked_by")
        .order_by("revoked_at", "practitioner__name")
    )


def insurance_collectivities(membership: Membership) -> frozenset[int] | None:
    """The collectivities a membership's insurance role is limited to (None: all); for werkzorg.access."""
    if not membership.has_collectivity_limit:
        return None
    chosen = frozenset(membership.insurance_collectivities.values_list("pk", flat=True))
    return chosen or None
