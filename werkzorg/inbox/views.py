from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render

from werkzorg.access import Perm
from werkzorg.access.views import OrgRequest, org_view
from werkzorg.core.paging import paginate
from werkzorg.inbox import services


@org_view(Perm.VIEW_INBOX)
def message_list(request: OrgRequest) -> HttpResponse:
    page = paginate(request, services.visible_messages(request.actor), 25)
    return render(request, "inbox/list.html", {"page": page})


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
