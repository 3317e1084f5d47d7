"""The public catalogue (interventiewijzer): employees may read it without an account."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from werkzorg.access.views import public_view
from werkzorg.core.paging import paginate, query_without_page
from werkzorg.interventions import queries
from werkzorg.interventions.filters import CatalogueFilter
from werkzorg.interventions.models import Category, Delivery, Region

PAGE_SIZE = 25


@public_view
def catalogue(request: HttpRequest) -> HttpResponse:
    filters = CatalogueFilter(request.GET or None, queryset=queries.active_catalogue())
    page = paginate(request, filters.qs, PAGE_SIZE)
    template = "interventions/_catalogue_results.html" if request.htmx else "interventions/catalogue.html"  # type: ignore[attr-defined]
    return render(request, template, {"filter": filters, "page": page, "query": query_without_page(request)})


@public_view
def catalogue_detail(request: HttpRequest, intervention_id: int) -> HttpResponse:
    intervention = get_object_or_404(queries.active_catalogue(), pk=intervention_id)
    return render(request, "interventions/catalogue_detail.html", {"intervention": intervention})


GUIDE_TOPICS = {
    "stress": (Category.MENTAL, _("Stress, worries or tiredness")),
    "body": (Category.PHYSICAL, _("Pain or physical complaints")),
    "lifestyle": (Category.LIFESTYLE, _("Healthier living: exercise, food, sleep, smoking")),
    "skills": (Category.TRAINING, _("Learning to cope better, alone or as a team")),
    "team": (Category.WORKSHOP, _("A session for the whole team")),
}


@public_view
def catalogue_guide(request: HttpRequest) -> HttpResponse:
    """Help me choose: three questions narrow the catalogue down."""
    topic = request.GET.get("onderwerp", "")
    delivery = request.GET.get("vorm", "")
    region = request.GET.get("regio", "")
    step = 1 if topic not in GUIDE_TOPICS else 2 if not delivery else 3 if not region else 4
    results = None
    if step == 4:
        params = {
            "category": GUIDE_TOPICS[topic][0],
            "delivery": "" if delivery == "maakt-niet-uit" else delivery,
        }
        region_obj = Region.objects.filter(code=region).first()
        if region_obj:
            params["region"] = str(region_obj.pk)
        results = CatalogueFilter(params, queryset=queries.active_catalogue()).qs[:20]
    return render(
        request,
        "interventions/guide.html",
        {
            "step": step,
            "topics": [(k, v[1]) for k, v in GUIDE_TOPICS.items()],
            "topic": topic,
            "delivery": delivery,
            "deliveries": [
                (Delivery.ONLINE, Delivery.ONLINE.label),
                (Delivery.ON_SITE, Delivery.ON_SITE.label),
            ],
            "regions": Region.objects.all(),
            "results": results,
        },
    )
