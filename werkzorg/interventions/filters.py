from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from werkzorg.interventions.models import (
    Category,
    Delivery,
    Intervention,
    InterventionRequest,
    Region,
    RequestStatus,
)


class CatalogueFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    category = django_filters.ChoiceFilter(
        label=_("Category"), choices=Category.choices, empty_label=_("All categories")
    )
    delivery = django_filters.ChoiceFilter(
        label=_("Delivery"),
        choices=Delivery.choices,
        method="filter_delivery",
        empty_label=_("Online or on site"),
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"), queryset=Region.objects.all(), method="filter_region", empty_label=_("All regions")
    )
    max_price = django_filters.NumberFilter(
        label=_("Price at most (excl. VAT)"), field_name="price_excl_vat", lookup_expr="lte"
    )

    class Meta:
        model = Intervention
        fields: list[str] = []

    def search(self, queryset: QuerySet[Intervention], name: str, value: str) -> QuerySet[Intervention]:
        for word in value.split()[:8]:
            queryset = queryset.filter(
                Q(title__icontains=word) | Q(summary__icontains=word) | Q(description__icontains=word)
            )
        return queryset

    def filter_delivery(
        self, queryset: QuerySet[Intervention], name: str, value: str
    ) -> QuerySet[Intervention]:
        return queryset.filter(delivery__in=[value, Delivery.BOTH])

    def filter_region(
        self, queryset: QuerySet[Intervention], name: str, value: Any
    ) -> QuerySet[Intervention]:
        return queryset.filter(Q(regions=value) | Q(regions__code="nationwide")).distinct()


class RequestFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=RequestStatus.choices, empty_label=_("All statuses")
    )
    category = django_filters.ChoiceFilter(
        label=_("Category"), choices=Category.choices, empty_label=_("All categories")
    )
    created_from = django_filters.DateFilter(
        label=_("Requested from"), field_name="created_at", lookup_expr="date__gte"
    )
    created_to = django_filters.DateFilter(
        label=_("Requested until"), field_name="created_at", lookup_expr="date__lte"
    )
    number = django_filters.CharFilter(label=_("Intervention number"), lookup_expr="icontains")

    class Meta:
        model = InterventionRequest
        fields: list[str] = []
