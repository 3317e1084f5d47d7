"""Lists of insured people: the short list (chosen columns, at once as a background job) and the
extended list (every field, products and premiums), made in the background and delivered to the inbox."""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any, cast

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, require, scope
from werkzorg.audit.services import record
from werkzorg.core.tabular import csv_safe, write_csv, write_xlsx
from werkzorg.inbox.models import MessageKind
from werkzorg.inbox.services import deliver
from werkzorg.insurance.filters import InsuredFilter
from werkzorg.insurance.models import (
    ContractPrice,
    Coverage,
    InsuranceEvent,
    InsuredPerson,
    InsuredQuerySet,
    Relation,
)
from werkzorg.insurance.premiums import Price, price_on
from werkzorg.jobs.registry import Progress, Result

# Key -> (heading in the file, the column it reads). The user picks any of these, in this order.
SHORT_COLUMNS: dict[str, tuple[str, str]] = {
    "policy_number": ("polisnummer", "policy_number"),
    "employee_number": ("werknemersnummer", "employee_number"),
    "first_name": ("voornaam", "first_name"),
    "name_prefix": ("tussenvoegsel", "name_prefix"),
    "last_name": ("achternaam", "last_name"),
    "date_of_birth": ("geboortedatum", "date_of_birth"),
    "relation": ("relatie", "relation"),
    "collectivity": ("collectiviteit", "collectivity__name"),
    "start_date": ("ingangsdatum", "start_date"),
    "end_date": ("einddatum", "end_date"),
}
TEXT_COLUMNS = {"policy_number", "employee_number", "first_name", "name_prefix", "last_name", "collectivity"}


def _chunks(rows: Any, total: int, progress: Progress | None) -> Any:
    for done, row in enumerate(rows, start=1):
        yield row
        if progress is not None and done % 1000 == 0:
            progress(done, total)
    if progress is not None:
        progress(total, total)


def filtered(actor: Actor, filters: dict[str, Any]) -> InsuredQuerySet:
    people = cast(InsuredQuerySet, scope(InsuredPerson, actor))
    return cast(InsuredQuerySet, InsuredFilter(filters, queryset=people).qs)


def export_short_list(
    *,
    actor: Actor,
    filters: dict[str, Any],
    columns: list[str],
    file_format: str,
    progress: Progress | None = None,
) -> bytes:
    require(actor, Perm.INSURANCE)
    chosen = [c for c in columns if c in SHORT_COLUMNS] or list(SHORT_COLUMNS)
    people = filtered(actor, filters).order_by("last_name", "first_name", "pk")
    total = people.count()
    relation_labels = dict(Relation.choices)
    if file_format == "csv":
        people = people.annotate(
            **{f"safe_{c}": csv_safe(SHORT_COLUMNS[c][1]) for c in chosen if c in TEXT_COLUMNS}
        )
        fields = [f"safe_{c}" if c in TEXT_COLUMNS else SHORT_COLUMNS[c][1] for c in chosen]
    else:
        fields = [SHORT_COLUMNS[c][1] for c in chosen]
    position = chosen.index("relation") if "relation" in chosen else -1
    rows = (
        [str(relation_labels[v]) if i == position else v for i, v in enumerate(row)]
        for row in people.values_list(*fields).iterator(chunk_size=2000)
    )
    header = [SHORT_COLUMNS[c][0] for c in chosen]
    rows = _chunks(rows, total, progress)
    content = (
        write_csv(header, rows) if file_format == "csv" else write_xlsx(header, rows, title="Verzekerden")
    )
    record(InsuranceEvent.INSURED_EXPORTED, actor=actor, detail=f"short list, {file_format}, {total} rows")
    return content


def short_list_job(actor: Actor, params: dict[str, Any], _upload: bytes, progress: Progress) -> Result:
    file_format = "csv" if params.get("format") == "csv" else "xlsx"
    content = export_short_list(
        actor=actor,
        filters=params.get("filters", {}),
        columns=params.get("columns", []),
        file_format=file_format,
        progress=progress,
    )
    return Result(filename=f"verzekerden-{timezone.localdate():%Y%m%d}.{file_format}", content=content)


EXTENDED_HEADER = [
    "collectiviteit", "polisnummer", "relatie", "polisnummer verzekeringnemer", "werknemersnummer",
    "voornaam", "tussenvoegsel", "achternaam", "geboortedatum", "ingangsdatum", "einddatum",
    "product", "product vanaf", "product tot en met", "maandpremie", "werkgeversbijdrage",
]  # fmt: skip


def extended_list_job(actor: Actor, params: dict[str, Any], _upload: bytes, progress: Progress) -> Result:
    """Every field with products and this month's prices; delivered to the inbox, kept 14 days."""
    require(actor, Perm.INSURANCE)
    today = timezone.localdate()
    people = filtered(actor, params.get("filters", {}))
    prices: dict[tuple[int, int], list[Price]] = defaultdict(list)
    for contract_collectivity, product, valid_from, premium, contribution in ContractPrice.objects.filter(
        contract__collectivity_id__in=people.values("collectivity_id")
    ).values_list(
        "contract__collectivity_id", "product_id", "valid_from", "monthly_premium", "employer_contribution"
    ):
        prices[(contract_collectivity, product)].append(Price(valid_from, premium, contribution))
    coverages = Coverage.objects.filter(insured__in=people).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today)
    )
    total = coverages.count()
    relation_labels = dict(Relation.choices)

    def rows() -> Any:
        for row in coverages.order_by("insured__last_name", "insured__pk", "product__name").values_list(
            "insured__collectivity__name", "insured__policy_number", "insured__relation",
            "insured__policyholder__policy_number", "insured__employee_number", "insured__first_name",
            "insured__name_prefix", "insured__last_name", "insured__date_of_birth", "insured__start_date",
            "insured__end_date", "product__name", "start_date", "end_date", "insured__collectivity_id", "product_id",
        ).iterator(chunk_size=2000):  # fmt: skip
            price = price_on(prices[(row[14], row[15])], today)
            yield [
                *row[:2], str(relation_labels[row[2]]), row[3] or row[1], *row[4:14],
                price.premium if price else None, price.contribution if price else None,
            ]  # fmt: skip

    content = write_xlsx(EXTENDED_HEADER, _chunks(rows(), total, progress), title="Verzekerden uitgebreid")
    filename = f"verzekerden-uitgebreid-{today:%Y%m%d}.xlsx"
    record(InsuranceEvent.INSURED_EXPORTED, actor=actor, detail=f"extended list, {total} rows")
    deliver(
        organisation=actor.organisation,
        recipient=actor.user,
        kind=MessageKind.EXPORT,
        title=_("Extended list of insured people, %(date)s") % {"date": today.strftime("%d-%m-%Y")},
        body=_("The extended list you asked for: every insured person with products and premiums."),
        attachment=content,
        attachment_name=filename,
        keep_for=datetime.timedelta(days=14),
    )
    return Result(filename=filename, content=content)
