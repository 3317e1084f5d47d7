from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from werkzorg.access import Perm
from werkzorg.access.views import OrgRequest, org_view
from werkzorg.core.paging import paginate, query_without_page
from werkzorg.inbox import services
from werkzorg.inbox.models import MessageKind


@org_view(Perm.VIEW_INBOX)
def message_list(request: OrgRequest) -> HttpResponse:
    kind = request.GET.get("soort", "")
    unread_only = request.GET.get("ongelezen") == "1"
    found = services.filtered_messages(request.actor, kind=kind, unread_only=unread_only)
    page = paginate(request, found, 25)
    context = {
        "page": page,
        "kinds": MessageKind.choices,
        "kind": kind,
        "unread_only": unread_only,
        "filtered": bool(kind or unread_only),
        "query": query_without_page(request),  # page links keep the choice
    }
    return render(request, "inbox/list.html", context)


@org_view(Perm.VIEW_INBOX)
@require_POST
def mark_all_read(request: OrgRequest) -> HttpResponse:
    count = services.mark_all_read(request.actor)
    if count:
        messages.success(
            request,
            ngettext("%(count)s message marked as read.", "%(count)s messages marked as read.", count)
            % {"count": count},
        )
    else:
        messages.info(request, _("There were no unread messages."))
    return redirect("inbox:list", org=request.actor.organisation.slug)


@org_view(Perm.VIEW_INBOX)
def message_detail(request: OrgRequest, message_id: int) -> HttpResponse:
    message = services.open_message(actor=request.actor, message_id=message_id)
    if message.link and not message.body and not message.attachment_name:
        return redirect(message.link)
    return render(request, "inbox/detail.html", {"message": message})


@org_view(Perm.VIEW_INBOX)
def message_download(request: OrgRequest, message_id: int) -> HttpResponse:
    name, content = services.download_attachment(actor=request.actor, message_id=message_id)
    response = HttpResponse(content, content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@org_view(Perm.VIEW_INBOX)
def unread_badge(request: OrgRequest) -> HttpResponse:
    """The number beside the menu item, fetched after the page so the page itself stays cheap."""
    return render(request, "inbox/_badge.html", {"unread": services.unread_count(request.actor)})
