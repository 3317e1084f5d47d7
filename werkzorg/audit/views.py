from django.http import HttpResponse
from django.shortcuts import render

from werkzorg.access import Perm
from werkzorg.access.views import OrgRequest, org_view
from werkzorg.audit import events
from werkzorg.audit.services import read_audit_log
from werkzorg.core.paging import paginate, query_without_page


@org_view(Perm.VIEW_AUDIT_LOG)
def audit_log(request: OrgRequest) -> HttpResponse:
    event_type = request.GET.get("soort", "")
    log = read_audit_log(actor=request.actor, event_type=event_type)
    page = paginate(request, log, 50)
    return render(
        request,
        "audit/log.html",
        {
            "page": page,
            "event_types": events.choices(),
            "event_type": event_type,
            "query": query_without_page(request),
        },
    )
