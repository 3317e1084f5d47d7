"""The filters of the list of insured people: every column, dates in and out ("who left in March"), sorting.

They go in the URL (a saved filter is its query string); a search for a name is posted and kept in the
session instead, so no name lands in a URL or an access log.
"""

from __future__ import annotations

import datetime
from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from werkzorg.insurance.models import InsuredPerson, Relation
from werkzorg.insurance.premiums import month_end


def _month(value: str) -> datetime.date | None:
    try:
        return datetime.datetime.strptime(value, "%Y-%m").date()
    except (TypeError, ValueError):
        return None


class MonthFilter(django_filters.CharFilter):
    """A month as `yyyy-mm` (the browser's month field): rows whose date falls in it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "month", "placeholder": "jjjj-mm"}))
        super().__init__(*args, **kwargs)

    def filter(self, qs: QuerySet[Any], value: str) -> QuerySet[Any]:
        first = _month(value) if value else None
        if first is None:
            return qs
        return qs.filter(**{f"{self.field_name}__range": (first, month_end(first))})


class InsuredFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Show"),
        choices=[
            ("current", _("In the collectivity today")),
            ("left", _("Left")),
            ("future", _("Joining later")),
        ],
        method="filter_status",
        empty_label=_("Everyone, also those who left"),
    )
    collectivity = django_filters.ModelChoiceFilter(
        label=_("Collectivity"), queryset=None, empty_label=_("All collectivities")
    )
    relation = django_filters.ChoiceFilter(
        label=_("Relation"), choices=Relation.choices, empty_label=_("All")
    )
    joined_in = MonthFilter(label=_("Joined in (month)"), field_name="start_date")
    left_in = MonthFilter(label=_("Left in (month, last day inclusive)"), field_name="end_date")
    date_of_birth = django_filters.DateFilter(
        label=_("Date of birth"), widget=forms.DateInput(attrs={"type": "date"})
    )
    policy_number = django_filters.CharFilter(label=_("Policy number"), lookup_expr="istartswith")
    employee_number = django_filters.CharFilter(label=_("Employee number"), lookup_expr="istartswith")
    unconfirmed = django_filters.BooleanFilter(
        label=_("Only those still to check"),
        method="filter_unconfirmed",
        widget=forms.CheckboxInput,
    )
    sort = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(
            ("last_name", "last_name"),
            ("policy_number", "policy_number"),
            ("employee_number", "employee_number"),
            ("date_of_birth", "date_of_birth"),
            ("start_date", "start_date"),
            ("end_date", "end_date"),
        ),
        field_labels={
            "last_name": _("Name"),
            "policy_number": _("Policy number"),
            "employee_number": _("Employee number"),
            "date_of_birth": _("Date of birth"),
            "start_date": _("Start"),
            "end_date": _("End"),
        },
        empty_label=_("Name"),
    )

    class Meta:
        model = InsuredPerson
        fields: list[str] = []

    def __init__(self, *args: Any, collectivities: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.filters["collectivity"]
        field.queryset = (
            collectivities
            if collectivities is not None
            else field.model._meta.get_field("collectivity").related_model.objects.none()
        )

    def filter_status(
        self, queryset: QuerySet[InsuredPerson], name: str, value: str
    ) -> QuerySet[InsuredPerson]:
        today = datetime.date.today()
        if value == "current":
            return queryset.filter(Q(end_date__isnull=True) | Q(end_date__gte=today), start_date__lte=today)
        if value == "left":
            return queryset.filter(end_date__lt=today)
        if value == "future":
            return queryset.filter(start_date__gt=today)
        return queryset

    def filter_unconfirmed(
        self, queryset: QuerySet[InsuredPerson], name: str, value: bool
    ) -> QuerySet[InsuredPerson]:
        if value:
            return queryset.filter(confirmed_at__isnull=True, relation=Relation.POLICYHOLDER)
        return queryset
