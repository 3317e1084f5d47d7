"""The desk registers insured people of a collectivity from CSV or Excel: every row checked first (the
columns with the same form fields as a page would use), a report of every bad row, then all or nothing.

A family member names its policyholder by the policyholder's policy number, in the same file or already
in the collectivity. New policyholders wait for the employer's check of their employee number.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkzorg.access import Actor, Perm, require
from werkzorg.audit.services import record
from werkzorg.core import crypto
from werkzorg.core.errors import DomainError
from werkzorg.core.importer import Column, Importer
from werkzorg.core.tabular import ImportReport, Table
from werkzorg.insurance.models import (
    Coverage,
    InsuranceContract,
    InsuranceEvent,
    InsuredPerson,
    Mutation,
    MutationKind,
    Relation,
)
from werkzorg.insurance.services.bsn import clean_bsn

DATE_FORMATS = ["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"]
RELATIONS = {
    "verzekeringnemer": Relation.POLICYHOLDER,
    "policyholder": Relation.POLICYHOLDER,
    "hoofdverzekerde": Relation.POLICYHOLDER,
    "partner": Relation.PARTNER,
    "kind": Relation.CHILD,
    "child": Relation.CHILD,
}


def _text(label: Any, required: bool = True, max_length: int = 150) -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=max_length)


def _date(label: Any, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, required=required, input_formats=DATE_FORMATS)


COLUMNS = [
    Column("policy_number", ("polisnummer", "policy number"), True, unique=True,
           form_field=_text(gettext_lazy("policy number"), max_length=20)),
    Column("relation", ("relatie", "relation"), True, form_field=_text(gettext_lazy("relation"))),
    Column("holder_policy_number", ("polisnummer verzekeringnemer", "policyholder policy number"), False,
           form_field=_text(gettext_lazy("policyholder's policy number"), False, 20)),
    Column("first_name", ("voornaam", "first name"), True, form_field=_text(gettext_lazy("first name"), max_length=100)),
    Column("name_prefix", ("tussenvoegsel", "prefix"), False, form_field=_text(gettext_lazy("prefix"), False, 20)),
    Column("last_name", ("achternaam", "last name"), True, form_field=_text(gettext_lazy("last name"))),
    Column("date_of_birth", ("geboortedatum", "date of birth"), True, form_field=_date(gettext_lazy("date of birth"))),
    Column("bsn", ("bsn", "burgerservicenummer"), True, unique=True, form_field=_text(gettext_lazy("BSN"), max_length=12)),
    Column("employee_number", ("personeelsnummer", "werknemersnummer", "employee number"), False,
           form_field=_text(gettext_lazy("employee number"), False, 30)),
    Column("start_date", ("ingangsdatum", "start date"), True, form_field=_date(gettext_lazy("start date"))),
    Column("products", ("producten", "products"), True, form_field=_text(gettext_lazy("products"), max_length=200)),
]  # fmt: skip


def import_insured(*, actor: Actor, contract: InsuranceContract, table: Table) -> ImportReport:
    require(actor, Perm.DESK_INSURANCE)
    priced = dict(contract.prices.values_list("product__code", "product_id"))
    in_collectivity = InsuredPerson.objects.filter(collectivity_id=contract.collectivity_id)
    known_policies = dict(
        in_collectivity.filter(relation=Relation.POLICYHOLDER).values_list("policy_number", "pk")
    )
    taken = set(in_collectivity.values_list("policy_number", flat=True))
    file_holders = {
        row.get("polisnummer", "").strip()
        for _line, row in table.rows
        if RELATIONS.get(row.get("relatie", "").strip().lower()) == Relation.POLICYHOLDER
    }

    def check_row(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
        problems = []
        relation = RELATIONS.get(data["relation"].strip().lower())
        if relation is None:
            problems.append(_("Relation must be policyholder, partner or child."))
        data["relation"] = relation
        try:
            data["bsn"] = clean_bsn(data["bsn"])
        except DomainError as error:
            problems.append(str(error.message))
        if data["policy_number"] in taken:
            problems.append(
                _("Policy number %(number)s is already in this collectivity.")
                % {"number": data["policy_number"]}
            )
        holder = (data.get("holder_policy_number") or "").strip()
        if (
            relation in (Relation.PARTNER, Relation.CHILD)
            and holder not in file_holders
            and holder not in known_policies
        ):
            problems.append(
                _(
                    "A family member needs the policy number of a policyholder in the file or in the collectivity."
                )
            )
        codes = [c.strip().upper() for c in data["products"].replace(";", ",").split(",") if c.strip()]
        unknown = [c for c in codes if c not in priced]
        if unknown or not codes:
            problems.append(
                _("Unknown products for this contract: %(codes)s.") % {"codes": ", ".join(unknown) or "-"}
            )
        data["products"] = [priced[c] for c in codes if c in priced]
        if data["start_date"] and data["start_date"] < contract.start_date:
            problems.append(_("The start date is before the contract starts."))
        return data, problems

    def write(rows: list[dict[str, Any]], report: ImportReport) -> None:
        holders = [r for r in rows if r["relation"] == Relation.POLICYHOLDER]
        family = [r for r in rows if r["relation"] != Relation.POLICYHOLDER]
        made = _create(actor, contract, holders, {})
        made.update(known_policies)
        _create(actor, contract, family, made)
        report.created = len(rows)
        record(
            InsuranceEvent.INSURED_IMPORTED,
            actor=actor,
            organisation=contract.collectivity.organisation,
            detail=f"created {len(rows)}",
        )

    return Importer(COLUMNS, row_check=check_row).run(table, write=write)


def _create(
    actor: Actor, contract: InsuranceContract, rows: list[dict[str, Any]], holders: dict[str, int]
) -> dict[str, int]:
    people = [
        InsuredPerson(
            organisation_id=contract.collectivity.organisation_id,
            collectivity_id=contract.collectivity_id,
            policy_number=r["policy_number"],
            relation=r["relation"],
            policyholder_id=holders.get((r.get("holder_policy_number") or "").strip()),
            first_name=r["first_name"],
            name_prefix=r.get("name_prefix") or "",
            last_name=r["last_name"],
            date_of_birth=r["date_of_birth"],
            bsn_encrypted=crypto.encrypt(r["bsn"]),
            employee_number=(r.get("employee_number") or "")
            if r["relation"] == Relation.POLICYHOLDER
            else "",
            start_date=r["start_date"],
        )
        for r in rows
    ]
    for person in people:
        person.search_text = person.compose_search_text()
    created = InsuredPerson.objects.bulk_create(people, batch_size=1000)
    Coverage.objects.bulk_create(_coverages(created, rows), batch_size=2000)
    Mutation.objects.bulk_create(
        (
            Mutation(
                collectivity_id=p.collectivity_id,
                insured_id=p.pk,
                kind=MutationKind.ENROLLED,
                effective_date=p.start_date,
                entered_by=actor.user,
                detail={"start_date": str(p.start_date), "source": "import"},
                premium_effect=True,
            )
            for p in created
        ),
        batch_size=2000,
    )
    return {p.policy_number: p.pk for p in created}


def _coverages(created: list[InsuredPerson], rows: list[dict[str, Any]]) -> Iterable[Coverage]:
    for person, row in zip(created, rows, strict=True):
        for product_id in row["products"]:
            yield Coverage(insured_id=person.pk, product_id=product_id, start_date=person.start_date)
