"""Every write to the employee register; reads of one person's data are audited here too."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterator
from typing import Any, cast

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from werkzorg.access import Actor, Perm, can, get_or_404, require, scope
from werkzorg.audit.services import record
from werkzorg.core.bulk import insert_all
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.core.importer import Column, Importer
from werkzorg.core.tabular import ImportReport, Table, csv_safe, read_table, write_csv, write_xlsx
from werkzorg.employees.forms import EMPLOYEE_DATE_FIELDS, EMPLOYEE_FIELDS, EmployeeForm, cross_field_problems
from werkzorg.employees.models import Employee, EmployeeEvent, EmployeeQuerySet
from werkzorg.jobs.registry import Progress, Result


def _column(field: str, *headings: str, unique: bool = False) -> Column:
    """A column checked by the page's own form field: the same rules and messages as the form; the
    form's required fields are the columns a file must have."""
    form_field = EmployeeForm.base_fields[field]
    return Column(field, headings, required=form_field.required, unique=unique, form_field=form_field)


# Column headings people use in their HR exports, Dutch and English; the first is the one we show.
EMPLOYEE_IMPORT_COLUMNS = [
    _column("employee_number", "personeelsnummer", "personeelsnr", "employee number", unique=True),
    _column("first_name", "voornaam", "first name"),
    _column("name_prefix", "tussenvoegsel", "voorvoegsel", "prefix"),
    _column("last_name", "achternaam", "last name", "surname"),
    _column("email", "e-mail", "email", "e-mailadres"),
    _column("mobile", "mobiel", "mobiel nummer", "telefoon", "mobile"),
    _column("date_of_birth", "geboortedatum", "date of birth"),
    _column("department", "afdeling", "department"),
    _column("employment_start", "in dienst", "datum in dienst", "employed since"),
    _column("employment_end", "uit dienst", "datum uit dienst", "employment end"),
]


def read_employee(*, actor: Actor, employee_id: int) -> Employee:
    """One person's data: the read is written to the audit log (NEN 7513)."""
    require(actor, Perm.VIEW_EMPLOYEES)
    employee: Employee = get_or_404(Employee, actor, pk=employee_id)
    record(EmployeeEvent.EMPLOYEE_READ, actor=actor, subject=employee, obj=employee)
    return employee


def list_employees(
    *, actor: Actor, search: str = "", include_former: bool = False, bulk_read: str = ""
) -> QuerySet[Employee]:
    """The register, optionally searched; a search is audited (it reveals who works here), browsing is not.

    The picker (PICK_EMPLOYEES) uses it too, but shows only name, number and department.
    """
    if not can(actor, Perm.VIEW_EMPLOYEES):
        require(actor, Perm.PICK_EMPLOYEES)
    queryset = cast(EmployeeQuerySet, scope(Employee, actor))
    if not include_former:
        queryset = queryset.employed()
    if search:
        queryset = queryset.search(search)
        record(EmployeeEvent.EMPLOYEE_SEARCHED, actor=actor)
    if bulk_read:  # a machine reading the register page by page: every page is logged
        record(EmployeeEvent.EMPLOYEES_LISTED, actor=actor, detail=bulk_read)
    return queryset.order_by("last_name", "first_name", "pk")


def _check_number_free(actor: Actor, number: str, exclude_pk: int | None = None) -> None:
    taken = scope(Employee, actor).filter(employee_number=number)
    if exclude_pk:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise ConflictError(
            _("Employee number %(number)s is already in use.") % {"number": number}, field="employee_number"
        )


@transaction.atomic(durable=True)
def create_employee(*, actor: Actor, data: dict[str, Any]) -> Employee:
    require(actor, Perm.MANAGE_EMPLOYEES)
    _check_number_free(actor, data["employee_number"])
    employee = Employee.objects.create(organisation=actor.organisation, **data)
    record(EmployeeEvent.EMPLOYEE_CHANGED, actor=actor, subject=employee, obj=employee, detail="created")
    return employee


@transaction.atomic(durable=True)
def update_employee(*, actor: Actor, employee: Employee, data: dict[str, Any]) -> Employee:
    require(actor, Perm.MANAGE_EMPLOYEES)
    locked = get_or_404(Employee.objects.select_for_update(), actor, pk=employee.pk)
    _check_number_free(actor, data["employee_number"], exclude_pk=locked.pk)
    changed = [name for name, value in data.items() if getattr(locked, name) != value]
    for name, value in data.items():
        setattr(locked, name, value)
    locked.save()
    record(
        EmployeeEvent.EMPLOYEE_CHANGED,
        actor=actor,
        subject=locked,
        obj=locked,
        detail="changed: " + ",".join(changed),
    )
    return locked


@transaction.atomic(durable=True)
def end_employment(*, actor: Actor, employee: Employee, last_day: datetime.date) -> Employee:
    require(actor, Perm.MANAGE_EMPLOYEES)
    locked = get_or_404(Employee.objects.select_for_update(), actor, pk=employee.pk)
    if locked.employment_start and last_day < locked.employment_start:
        raise DomainError(_("The end of employment cannot be before its start."), field="employment_end")
    locked.employment_end = last_day
    locked.save(update_fields=["employment_end", "updated_at"])
    record(EmployeeEvent.EMPLOYEE_CHANGED, actor=actor, subject=locked, obj=locked, detail="employment ended")
    return locked


def import_employees(*, actor: Actor, table: Table) -> ImportReport:
    """Validate every row with the form's rules, column by column; write nothing unless all rows are good.

    New people go in with one COPY (PostgreSQL) or bulk insert; known employee numbers are updated in
    the columns the file has, and only where something changed.
    """
    require(actor, Perm.MANAGE_EMPLOYEES)
    register = scope(Employee, actor)
    # Whole people only for the numbers the file names; the rest of a large register stays unread.
    known = set(register.values_list("employee_number", flat=True))
    named = [number for _line, row in table.rows for number in _numbers(row) if number in known]
    existing: dict[str, Employee] = {}
    for start in range(0, len(named), 5_000):
        chunk = register.filter(employee_number__in=named[start : start + 5_000])
        existing.update((e.employee_number, e) for e in chunk)

    def check_row(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
        # The form's own clean(): cross-field rules, with the person's stored values for absent columns.
        instance = existing.get(data["employee_number"])
        if instance is None:
            problems = cross_field_problems(data)
        else:
            merged = {f: data[f] if f in data else getattr(instance, f) for f in EMPLOYEE_FIELDS}
            problems = cross_field_problems(merged)
        return data, [f"{EmployeeForm.base_fields[f].label}: {m}" for f, m in problems]

    def write(rows: list[dict[str, Any]], report: ImportReport) -> None:
        now = timezone.now()
        to_create: list[Employee] = []
        to_update: list[Employee] = []
        changed_fields: set[str] = set()
        for data in rows:
            instance = existing.get(data["employee_number"])
            if instance is None:
                employee = Employee(organisation=actor.organisation, **data)
                employee.search_text = employee.compose_search_text()
                to_create.append(employee)
                continue
            changed = {name for name, value in data.items() if getattr(instance, name) != value}
            if changed:
                for name in changed:
                    setattr(instance, name, data[name])
                instance.updated_at = now
                changed_fields |= changed
                to_update.append(instance)
        insert_all(Employee, to_create)
        if to_update:
            Employee.objects.bulk_update(to_update, [*sorted(changed_fields), "updated_at"], batch_size=1000)
        report.created, report.updated = len(to_create), len(to_update)
        record(
            EmployeeEvent.EMPLOYEES_IMPORTED,
            actor=actor,
            detail=f"created {report.created}, updated {report.updated}",
        )

    return Importer(EMPLOYEE_IMPORT_COLUMNS, row_check=check_row).run(table, write=write)


def _numbers(row: dict[str, str]) -> list[str]:
    """The employee number of a file's row, under whichever heading the file uses."""
    return [row[h].strip() for h in EMPLOYEE_IMPORT_COLUMNS[0].headings if row.get(h)][:1]


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


def export_employees(
    *, actor: Actor, search: str = "", progress: Progress | None = None, file_format: str = "xlsx"
) -> bytes:
    """The register as Excel or CSV, streamed from plain rows (no model instances)."""
    require(actor, Perm.MANAGE_EMPLOYEES)
    everyone = cast(EmployeeQuerySet, scope(Employee, actor))
    queryset = (everyone.search(search) if search else everyone).order_by("employee_number")
    total = queryset.count()
    if file_format == "csv":
        safe = {f"safe_{f}": csv_safe(f) for f in EMPLOYEE_FIELDS if f not in EMPLOYEE_DATE_FIELDS}
        columns = [f if f in EMPLOYEE_DATE_FIELDS else f"safe_{f}" for f in EMPLOYEE_FIELDS]
        values = queryset.annotate(**safe).values_list(*columns)
    else:
        values = queryset.values_list(*EMPLOYEE_FIELDS)
    rows = _reporting(values.iterator(chunk_size=2000), total, progress)
    if file_format == "csv":
        content = write_csv(EXPORT_HEADER, rows)
    else:
        content = write_xlsx(EXPORT_HEADER, rows, title="Medewerkers")
    record(
        EmployeeEvent.EMPLOYEES_EXPORTED,
        actor=actor,
        detail=f"{file_format}, search: {'yes' if search else 'no'}",
    )
    return content


def _reporting(rows: Iterator[Any], total: int, progress: Progress | None) -> Iterator[Any]:
    """The rows as they come, telling `progress` every thousand rows (not a call per row)."""
    if progress is None:
        yield from rows
        return
    done = 0
    while chunk := list(itertools.islice(rows, 1000)):
        yield from chunk
        done += len(chunk)
        progress(done, total)
    progress(total, total)


def export_job(actor: Actor, params: dict[str, Any], _upload: bytes, progress: Progress) -> Result:
    file_format = "csv" if params.get("format") == "csv" else "xlsx"
    content = export_employees(
        actor=actor, search=params.get("search", ""), progress=progress, file_format=file_format
    )
    return Result(filename=f"medewerkers-{timezone.localdate():%Y%m%d}.{file_format}", content=content)


def import_job(actor: Actor, params: dict[str, Any], upload: bytes, progress: Progress) -> Result:
    table = read_table(SimpleUploadedFile(params.get("filename", "import.csv"), upload))
    progress(0, len(table.rows))
    report = import_employees(actor=actor, table=table)
    progress(len(table.rows), len(table.rows))
    errors = [(e.line, [str(m) for m in e.messages]) for e in report.errors]
    return Result(
        report={"created": report.created, "updated": report.updated, "errors": errors}, ok=report.ok
    )
