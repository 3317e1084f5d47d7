from decimal import Decimal
from typing import Any

import factory


class InterventionFactory(factory.django.DjangoModelFactory):
    """A catalogue item offered nationwide by the given providers (`providers=[...]`)."""

    class Meta:
        model = "interventions.Intervention"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Coaching {n}")
    category = "mental"
    summary = "Vijf gesprekken met een coach."
    description = "Vijf gesprekken met een coach."
    price_excl_vat = Decimal("650.00")
    sessions = 5
    duration_weeks = 8
    delivery = "both"

    @factory.post_generation
    def providers(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        from werkzorg.interventions.models import Region

        if create:
            self.providers.set(extracted or [])
            self.regions.set(Region.objects.filter(code="nationwide"))
