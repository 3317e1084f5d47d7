from django.conf import settings
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import cache_control

from werkzorg.access.views import public_view, user_view
from werkzorg.notifications.models import OutboxMessage
from werkzorg.organisations.models import OperatorSettings
from werkzorg.organisations.queries import list_organisations_for_user


@user_view
def home(request: HttpRequest) -> HttpResponse:
    """After sign-in: the organisation worked for last time, or a choice."""
    user = request.user
    organisations = list_organisations_for_user(user)
    last = getattr(user, "last_organisation_id", None)
    for organisation in organisations:
        if organisation.pk == last:
            return redirect("organisations:home", org=organisation.slug)
    if len(organisations) == 1:
        return redirect("organisations:home", org=organisations[0].slug)
    return redirect("organisations:choose")


@public_view
@cache_control(max_age=300, public=True)
def brand_css(request: HttpRequest) -> HttpResponse:
    """The operator's brand as design-token overrides: a stylesheet, so the CSP needs no inline styles."""
    operator = OperatorSettings.current()
    colour = operator.brand_primary_color if len(operator.brand_primary_color) == 7 else "#154273"
    css = (
        ".werkzorg-theme {\n"
        f"  --werkzorg-brand-color: {colour};\n"
        f"  --basis-color-action-1-bg-default: {colour};\n"
        f"  --basis-color-accent-1-bg-default: {colour};\n"
        "}\n"
    )
    return HttpResponse(css, content_type="text/css")


@public_view
def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@public_view
def dev_outbox(request: HttpRequest) -> HttpResponse:
    """Development only (`make run`): the e-mail and SMS messages the portal sent."""
    if not settings.DEV_OUTBOX:
        raise Http404
    return render(request, "core/outbox.html", {"messages_sent": OutboxMessage.objects.all()[:50]})
