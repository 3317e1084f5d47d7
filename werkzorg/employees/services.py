"""Every write to the employee register; reads of one person's data are audited here too."""

from __future__ import annotations

import datetime
from typing import Any, cast

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, get_or_404, require, scoped
from werkzorg.access.policy import describe_role
from werkzorg.audit.models import AuditEventType
from werkzorg.audit.services import record
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.core.tabular import ImportReport, RowError, Table, write_xlsx
from werkzorg.employees.forms import EMPLOYEE_FIELDS, EmployeeForm
from werkzorg.employees.models import Employee, EmployeeQuerySet

# Column names people use in their HR exports, Dutch and English, mapped to our fields.
COLUMN_ALIASES: dict[str, str] = {
    "personeelsnummer": "employee_number",
    "personeelsnr": "employee_number",
    "employee number": "employee_number",
    "voornaam": "first_name",
    "first name": "first_name",
    "tussenvoegsel": "name_prefix",
    "voorvoegsel": "name_prefix",
    "prefix": "name_prefix",
    "achternaam": "last_name",
    "last name": "last_name",
    "surname": "last_name",
    "e-mail": "email",
    "email": "email",
    "e-mailadres": "email",
    "mobiel": "mobile",
    "mobiel nummer": "mobile",
    "telefoon": "mobile",
    "mobile": "mobile",
    "geboortedatum": "date_of_birth",
    "date of birth": "date_of_birth",
    "afdeling": "department",
    "department": "department",
    "in dienst": "employment_start",
    "datum in dienst": "employment_start",
    "employed since": "employment_start",
    "uit dienst": "employment_end",
    "datum uit dienst": "employment_end",
    "employment end": "employment_end",
}
REQUIRED_COLUMNS = ("employee_number", "first_name", "last_name")


def _audit(actor: Actor, event: AuditEventType, **kwargs: Any) -> None:
    record(event, user=actor.user, role=describe_role(actor), organisation=actor.organisation, **kwargs)


def read_employee(*, actor: Actor, employee_id: int) -> Employee:
    """One person's data: the read is written to the audit log (NEN 7513)."""
    require(actor, Perm.VIEW_EMPLOYEES)
    employee: Employee = get_or_404(Employee, actor, pk=employee_id)
    _audit(actor, AuditEventType.EMPLOYEE_READ, subject=employee, obj=employee)
    return employee


def list_employees(*, actor: Actor, search: str = "", include_former: bool = False) -> QuerySet[Employee]:
    """The register, optionally searched; a search is audited (it reveals who works here), browsing is not."""
    require(actor, Perm.VIEW_EMPLOYEES)
    queryset = cast(EmployeeQuerySet, scoped(Employee, actor))
    if not include_former:
        queryset = queryset.employed()
    if search:
        queryset = queryset.search(search)
        _audit(actor, AuditEventType.EMPLOYEE_SEARCHED)
    return queryset.order_by("last_name", "first_name", "pk")


def _check_number_free(actor: Actor, number: str, exclude_pk: int | None = None) -> None:
    taken = scoped(Employee, actor).filter(employee_number=number)
    if exclude_pk:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise ConflictError(
            _("Employee number %(number)s is already in use.") % {"number": number}, field="employee_number"
        )


@transaction.atomic
def create_employee(*, actor: Actor, data: dict[str, Any]) -> Employee:
    require(actor, Perm.MANAGE_EMPLOYEES)
    _check_number_free(actor, data["employee_number"])
    employee = Employee.objects.create(organisation=actor.organisation, **data)
    _audit(actor, AuditEventType.EMPLOYEE_CHANGED, subject=employee, obj=employee, detail="created")
    return employee


@transaction.atomic
def update_employee(*, actor: Actor, employee: Employee, data: dict[str, Any]) -> Employee:
    require(actor, Perm.MANAGE_EMPLOYEES)
    locked = scoped(Employee.objects.select_for_update(), actor).get(pk=employee.pk)
    _check_number_free(actor, data["employee_number"], exclude_pk=locked.pk)
    changed = [name for name, value in data.items() if getattr(locked, name) != value]
    for name, value in data.items():
        setattr(locked, name, value)
    locked.save()
    _audit(
        actor,
        AuditEventType.EMPLOYEE_CHANGED,
        subject=locked,
        obj=locked,
        detail="changed: " + ",".join(changed),
    )
    return locked


@transaction.atomic
def end_employment(*, actor: Actor, employee: Employee, last_day: datetime.date) -> Employee:
    require(actor, Perm.MANAGE_EMPLOYEES)
    locked = scoped(Employee.objects.select_for_update(), actor).get(pk=employee.pk)
    if locked.employment_start and last_day < locked.employment_start:
        raise DomainError(_("The end of employment cannot be before its start."), field="employment_end")
    locked.employment_end = last_day
    locked.save(update_fields=["employment_end", "updated_at"])
    _audit(actor, AuditEventType.EMPLOYEE_CHANGED, subject=locked, obj=locked, detail="employment ended")
    return locked


def import_employees(*, actor: Actor, table: Table) -> ImportReport:
    """Validate every row first; write nothing unless all rows are good, then write all in one transaction."""
    require(actor, Perm.MANAGE_EMPLOYEES)
    report = ImportReport()
    columns = {h: COLUMN_ALIASES[h] for h in table.header if h in COLUMN_ALIASES}
    missing = [c for c in REQUIRED_COLUMNS if c not in columns.values()]
    if missing:
        labels = {"employee_number": "personeelsnummer", "first_name": "voornaam", "last_name": "achternaam"}
        report.errors.append(
            RowError(
                1, [_("Missing column(s): %(columns)s.") % {"columns": ", ".join(labels[c] for c in missing)}]
            )
        )
        return report
    existing = {e.employee_number: e for e in scoped(Employee, actor)}
    seen: dict[str, int] = {}
    cleaned_rows: list[dict[str, Any]] = []
    for line, values in table.rows:
        data = {field_name: values.get(header, "") for header, field_name in columns.items()}
        instance = existing.get(data.get("employee_number", "").strip())
        form = EmployeeForm(
            data={f: data.get(f, getattr(instance, f, "") if instance else "") for f in EMPLOYEE_FIELDS},
            instance=instance,
        )
        problems: list[str] = []
        if not form.is_valid():
            for name, errors in form.errors.items():
                label = form.fields[name].label if name in form.fields else ""
                problems.extend(f"{label}: {e}" if label else str(e) for e in errors)
        number = data.get("employee_number", "").strip()
        if number and number in seen:
            problems.append(
                _("Employee number %(number)s also appears on line %(line)d.")
                % {"number": number, "line": seen[number]}
            )
        seen.setdefault(number, line)
        if problems:
            report.errors.append(RowError(line, problems))
        else:
            cleaned_rows.append(form.cleaned_data)
    if report.errors:
        return report
    with transaction.atomic():
        to_create = []
        to_update = []
        for data in cleaned_rows:
            instance = existing.get(data["employee_number"])
            if instance is None:
                to_create.append(Employee(organisation=actor.organisation, **data))
            else:
                for name, value in data.items():
                    setattr(instance, name, value)
                to_update.append(instance)
        Employee.objects.bulk_create(to_create, batch_size=500)
        Employee.objects.bulk_update(to_update, EMPLOYEE_FIELDS, batch_size=500)
        report.created, report.updated = len(to_create), len(to_update)
        _audit(
            actor,
            AuditEventType.EMPLOYEES_IMPORTED,
            detail=f"created {report.created}, updated {report.updated}",
        )
    return report


EXPORT_HEADER = [
    "personeelsnummer",
    "voornaam",
    "tussenvoegsel",
    "achternaam",
    "e-mail",
    "mobiel",
    "geboortedatum",
    "afdeling",
    "in dienst",
    "uit dienst",
]


def export_employees(*, actor: Actor, search: str = "") -> bytes:
    require(actor, Perm.MANAGE_EMPLOYEES)
    everyone = cast(EmployeeQuerySet, scoped(Employee, actor))
    queryset = everyone.search(search) if search else everyone
    rows = ([getattr(e, f) for f in EMPLOYEE_FIELDS] for e in queryset.order_by("employee_number").iterator())
    content = write_xlsx(EXPORT_HEADER, rows, title="Medewerkers")
    _audit(actor, AuditEventType.EMPLOYEES_EXPORTED, detail=f"search: {'yes' if search else 'no'}")
    return content
