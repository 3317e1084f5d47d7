"""The employee register (medewerkers) of an employer; later domains pick people from it."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from werkzorg.core.models import OrgOwnedModel, TenantQuerySet


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
        qs = self
        for word in text.split():
            qs = qs.filter(
                Q(employee_number__icontains=word)
                | Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(email__icontains=word)
                | Q(department__icontains=word)
            )
        return qs


class Employee(OrgOwnedModel):
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

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.name_prefix, self.last_name) if p)

    @property
    def is_employed(self) -> bool:
        return self.employment_end is None or self.employment_end >= datetime.date.today()
