"""The minimal signed-in pages each portal page is measured against.

Each fetches the same rows as its page (same filters, order, page size and capped count) and renders
them with a bare template, behind the same middleware; what it leaves out (finding the actor, the
gates, the layout and navigation, the audit) is exactly what the page adds.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.template import engines
from django.utils import timezone

from werkzorg.access.policy import GRANT_FIELDS
from werkzorg.accounts.models import Invitation, InvitationStatus
from werkzorg.core.paging import COUNT_CAP
from werkzorg.employees.forms import EMPLOYEE_FIELDS
from werkzorg.employees.models import Employee
from werkzorg.employees.queries import EmployeeRow
from werkzorg.interventions.models import Appointment, Extension, InterventionRequest, StatusEvent
from werkzorg.organisations.models import Collectivity, Membership, Organisation

BARE = engines["django"].from_string(
    "<!doctype html><html lang=nl><title>bench</title><p>{{ count }}</p><table>"
    "{% for row in rows %}<tr>{% for value in row %}<td>{{ value }}</td>{% endfor %}</tr>{% endfor %}"
    "</table>{% for row in more %}<p>{{ row }}</p>{% endfor %}</html>"
)
_organisation_ids: dict[str, int] = {}


def organisation_id_of(request: HttpRequest) -> int:
    slug = request.GET.get("org", "bench")
    if slug not in _organisation_ids:
        _organisation_ids[slug] = Organisation.objects.only("pk").get(slug=slug).pk
    return _organisation_ids[slug]


def bare_page(request: HttpRequest, rows: Any, count: int | None = None, more: Any = ()) -> HttpResponse:
    if not request.user.is_authenticated:
        return HttpResponseForbidden()
    return HttpResponse(BARE.render({"rows": rows, "count": count, "more": more}))


def capped_count(queryset: QuerySet[Any]) -> int:
    return min(queryset.order_by()[: COUNT_CAP + 1].count(), COUNT_CAP)


def _employees(request: HttpRequest) -> QuerySet[Employee]:
    today = timezone.localdate()
    return Employee.objects.filter(organisation_id=organisation_id_of(request)).filter(
        Q(employment_end__isnull=True) | Q(employment_end__gte=today)
    )


def employee_list(request: HttpRequest) -> HttpResponse:
    employees = _employees(request)
    # The columns the register page reads, in its order.
    rows = employees.order_by("last_name", "first_name", "pk").values_list(*EmployeeRow.columns)[:50]
    return bare_page(request, rows, capped_count(employees))


def employee_search(request: HttpRequest) -> HttpResponse:
    employees = _employees(request)
    for word in request.GET.get("q", "").lower().split():
        employees = employees.filter(search_text__contains=word)
    # The columns the register page reads, in its order.
    rows = employees.order_by("last_name", "first_name", "pk").values_list(*EmployeeRow.columns)[:50]
    return bare_page(request, rows, capped_count(employees))


def employee_detail(request: HttpRequest, employee_id: int) -> HttpResponse:
    row = Employee.objects.filter(organisation_id=organisation_id_of(request), pk=employee_id).values_list(
        *EMPLOYEE_FIELDS
    )
    return bare_page(request, row)


def request_list(request: HttpRequest) -> HttpResponse:
    requests = InterventionRequest.objects.filter(organisation_id=organisation_id_of(request))
    rows = requests.order_by("-created_at", "-pk").values_list(
        "pk", "number", "intervention__title", "provider__name", "status", "created_at"
    )[:25]
    return bare_page(request, rows, capped_count(requests))


def request_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    row = InterventionRequest.objects.filter(
        organisation_id=organisation_id_of(request), pk=request_id
    ).values_list(
        "number",
        "intervention__title",
        "provider__name",
        "collectivity__name",
        "requested_by__full_name",
        "status",
        "created_at",
        "consented_at",
        "forwarded_at",
        "first_appointment_at",
        "completed_at",
    )
    appointments = Appointment.objects.filter(request_id=request_id).values_list("starts_at", "status")
    extensions = Extension.objects.filter(request_id=request_id).values_list(
        "reason", "extra_sessions", "status", "requested_by__full_name", "decided_by__full_name"
    )
    events = StatusEvent.objects.filter(request_id=request_id).order_by("at").values_list("status", "at")
    return bare_page(request, row, more=[*appointments, *extensions, *events])


def user_list(request: HttpRequest) -> HttpResponse:
    members = Membership.objects.filter(organisation_id=organisation_id_of(request))
    rows = members.order_by("user__full_name", "user__email").values_list(
        "pk", "user__full_name", "user__email", "user__is_active", *GRANT_FIELDS
    )[:50]
    invitations = Invitation.objects.filter(
        organisation_id=organisation_id_of(request), status=InvitationStatus.PENDING
    ).values_list("full_name", "email", "expires_at", "invited_by__full_name")
    return bare_page(request, rows, capped_count(members), more=invitations)


def organisation_home(request: HttpRequest) -> HttpResponse:
    rows = Collectivity.objects.filter(organisation_id=organisation_id_of(request)).values_list(
        "name", "customer_number", "collectivity_number"
    )
    return bare_page(request, rows)


DASHBOARD_SQL = (
    # The dashboard's three passes, written by hand: status tiles with lead times, months, survey scores.
    """SELECT status, COUNT(*), AVG({consent}), AVG({appointment})
       FROM interventions_interventionrequest WHERE organisation_id = %s GROUP BY status""",
    """SELECT {month}, category, COUNT(*) FROM interventions_interventionrequest
       WHERE organisation_id = %s AND created_at >= %s GROUP BY 1, 2 ORDER BY 1""",
    """SELECT COUNT(*), AVG(score_offer), AVG(score_speed) FROM interventions_surveyresponse s
       JOIN interventions_interventionrequest r ON r.id = s.request_id WHERE r.organisation_id = %s""",
)


def dashboard_sql(organisation_id: int) -> list[list[Any]]:
    """The same aggregates as the dashboard in plain SQL (its baseline in and out of the server)."""
    if connection.vendor == "postgresql":
        parts = {
            "consent": "EXTRACT(EPOCH FROM consented_at - created_at)",
            "appointment": "EXTRACT(EPOCH FROM first_appointment_at - consented_at)",
            "month": "date_trunc('month', created_at AT TIME ZONE 'Europe/Amsterdam')",
        }
    else:
        parts = {
            "consent": "julianday(consented_at) - julianday(created_at)",
            "appointment": "julianday(first_appointment_at) - julianday(consented_at)",
            "month": "strftime('%%Y-%%m', created_at)",
        }
    since = timezone.now() - datetime.timedelta(days=31 * 12)
    results = []
    with connection.cursor() as cursor:
        for sql, params in zip(
            DASHBOARD_SQL, [[organisation_id], [organisation_id, since], [organisation_id]], strict=True
        ):
            cursor.execute(sql.format(**parts), params)
            results.append(cursor.fetchall())
    return results


def dashboard(request: HttpRequest) -> HttpResponse:
    results = dashboard_sql(organisation_id_of(request))
    return bare_page(request, [row for result in results for row in result])
