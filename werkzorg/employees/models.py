"""The employee register (medewerkers) of an employer; later domains pick people from it."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from werkzorg.core.models import OrgOwnedModel, TenantQuerySet
from werkzorg.core.names import person_name


class EmployeeEvent(models.TextChoices):
    EMPLOYEE_READ = "employee_read", _("Employee data read")
    EMPLOYEE_SEARCHED = "employee_searched", _("Employee register searched")
    EMPLOYEE_CHANGED = "employee_changed", _("Employee data changed")
    EMPLOYEES_IMPORTED = "employees_imported", _("Employee register imported")
    EMPLOYEES_EXPORTED = "employees_exported", _("Employee register exported")
    EMPLOYEES_LISTED = "employees_listed", _("Employee register read (API)")


class EmployeeQuerySet(TenantQuerySet):
    def employed(self, on: datetime.date | None = None) -> EmployeeQuerySet:
        day = on or datetime.date.today()
        return self.filter(Q(employment_end__isnull=True) | Q(employment_end__gte=day))

    def search(self, text: str) -> EmployeeQuerySet:
        """Every word somewhere in number, name, e-mail or department: one LIKE per word on one column,
        which a trigram index serves on PostgreSQL (migration 0002)."""
        qs = self
        for word in text.lower().split():
            qs = qs.filter(search_text__contains=word)
        return qs

    def bulk_create(self, objs: Iterable[Employee], *args: Any, **kwargs: Any) -> list[Employee]:
        objs = list(objs)
        for obj in objs:
            obj.search_text = obj.compose_search_text()
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs: Iterable[Any], fields: Iterable[str], batch_size: int | None = None) -> int:
        objs = list(objs)
        for obj in objs:
            obj.search_text = obj.compose_search_text()
        return super().bulk_update(objs, [*fields, "search_text"], batch_size=batch_size)


class EmployeeWords:
    """How an employee is named and whether they are employed: shared by the model and the register's rows."""

    first_name: str
    name_prefix: str
    last_name: str
    employment_end: datetime.date | None

    @property
    def display_name(self) -> str:
        return person_name(self.first_name, self.name_prefix, self.last_name)

    @property
    def is_employed(self) -> bool:
        return self.employment_end is None or self.employment_end >= datetime.date.today()


class Employee(EmployeeWords, OrgOwnedModel):
    employee_number = models.CharField(_("employee number"), max_length=30)
    first_name = models.CharField(_("first name"), max_length=100)
    name_prefix = models.CharField(_("prefix"), max_length=20, blank=True, help_text=_("e.g. van, de"))
    last_name = models.CharField(_("last name"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True)
    mobile = models.CharField(_("mobile number"), max_length=20, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    department = models.CharField(_("department"), max_length=120, blank=True)
    employment_start = models.DateField(_("employed since"), null=True, blank=True)
    employment_end = models.DateField(_("employment ended on"), null=True, blank=True)
    # Share of a full-time job (1 = full time): weighs sick and available days in absence figures.
    part_time_factor = models.DecimalField(
        _("part-time factor"),
        max_digits=4,
        decimal_places=3,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("1.5"))],
        help_text=_("Share of a full-time job: 1 for full time, 0.5 for half."),
    )
    # Lower-case number, names, e-mail and department: what the register's search looks in.
    search_text = models.TextField(default="", blank=True, editable=False)

    objects = EmployeeQuerySet.as_manager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        ordering = ["last_name", "first_name", "employee_number"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "employee_number"], name="unique_employee_number")
        ]
        indexes = [models.Index(fields=["organisation", "last_name", "first_name"])]

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = self.compose_search_text()
        super().save(*args, **kwargs)

    def compose_search_text(self) -> str:
        parts = (
            self.employee_number,
            self.first_name,
            self.name_prefix,
            self.last_name,
            self.email,
            self.department,
        )
        return " ".join(p for p in parts if p).lower()
