"""Payroll import files made from a premium statement: one row per policyholder (family included).

Each profile is a plug-in (`register`); a profile receives the policyholder totals and its settings.
- `generic`: CSV (semicolon, UTF-8 with BOM) with the columns the user chooses, in their order.
- `loket`: Loket.nl's import of variable data ("Import variabele gegevens"): the employee number, the
  name, then one column per wage component, headed by the component number the employer uses in its
  wage model (its payroll office tells which; we default to none and ask). Semicolon CSV.
- `nmbrs`: Visma Nmbrs' import of variable wage components, in the long shape its company-level import
  takes: employee number, wage code, value, one row per employee and component. Excel (plain values,
  no formulas, as Nmbrs requires).
Both packages publish their templates inside the product; the layout here follows their public help
pages. The employer checks the component or wage codes against its own wage model before the first
import, which is why they are settings and not constants.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from werkzorg.core.tabular import csv_text as _text
from werkzorg.core.tabular import write_csv, write_xlsx


def _amount(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


# The columns a generic file may have: key -> (heading, key in a policyholder's totals, how it is written).
GENERIC_COLUMNS: dict[str, tuple[str, str, Callable[[Any], str]]] = {
    "employee_number": ("werknemersnummer", "holder_employee_number", _text),
    "policy_number": ("polisnummer", "holder_policy_number", _text),
    "name": ("naam", "holder_name", _text),
    "premium": ("premie", "premium", _amount),
    "contribution": ("werkgeversbijdrage", "contribution", _amount),
    "withheld": ("inhouding", "withheld", _amount),
}
GENERIC_LABELS = {
    "employee_number": _("employee number"),
    "policy_number": _("policy number"),
    "name": _("name"),
    "premium": _("premium"),
    "contribution": _("employer contribution"),
    "withheld": _("amount to withhold"),
}


@dataclass(frozen=True)
class PayrollFile:
    filename: str
    content: bytes
    content_type: str


@dataclass(frozen=True)
class Profile:
    name: str
    label: Any
    make: Callable[[Sequence[dict[str, Any]], dict[str, Any], str], PayrollFile]
    settings: tuple[str, ...] = field(default_factory=tuple)


_profiles: dict[str, Profile] = {}


def register(profile: Profile) -> None:
    _profiles[profile.name] = profile


def profiles() -> list[Profile]:
    return list(_profiles.values())


def profile(name: str) -> Profile | None:
    return _profiles.get(name)


def _generic(totals: Sequence[dict[str, Any]], options: dict[str, Any], stem: str) -> PayrollFile:
    chosen = [c for c in options.get("columns") or list(GENERIC_COLUMNS) if c in GENERIC_COLUMNS]
    header = [GENERIC_COLUMNS[c][0] for c in chosen]
    columns = [GENERIC_COLUMNS[c][1:] for c in chosen]  # looked up once, not per row
    rows = ([write(t[key]) for key, write in columns] for t in totals)
    return PayrollFile(f"{stem}-salaris.csv", write_csv(header, rows), "text/csv")


def _loket(totals: Sequence[dict[str, Any]], options: dict[str, Any], stem: str) -> PayrollFile:
    premium_code = options["withholding_component"]
    contribution_code = options.get("contribution_component") or ""
    header = ["Werknemer", "Naam", premium_code] + ([contribution_code] if contribution_code else [])
    rows = (
        [t["holder_employee_number"], _text(t["holder_name"]), _amount(t["withheld"])]
        + ([_amount(t["contribution"])] if contribution_code else [])
        for t in totals
    )
    return PayrollFile(f"{stem}-loket.csv", write_csv(header, rows), "text/csv")


def _nmbrs(totals: Sequence[dict[str, Any]], options: dict[str, Any], stem: str) -> PayrollFile:
    codes = [(options["withholding_component"], "withheld")]
    if options.get("contribution_component"):
        codes.append((options["contribution_component"], "contribution"))
    rows = ([t["holder_employee_number"], code, float(t[key])] for t in totals for code, key in codes)
    content = write_xlsx(["Persnr", "Looncode", "Waarde"], rows, title="Looncomponenten variabel")
    return PayrollFile(
        f"{stem}-nmbrs.xlsx", content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


register(Profile("generic", _("Generic CSV (choose the columns)"), _generic, ("columns",)))
register(
    Profile(
        "loket",
        _("Loket.nl: import of variable data (CSV)"),
        _loket,
        ("withholding_component", "contribution_component"),
    )
)
register(
    Profile(
        "nmbrs",
        _("Nmbrs: variable wage components (Excel)"),
        _nmbrs,
        ("withholding_component", "contribution_component"),
    )
)
