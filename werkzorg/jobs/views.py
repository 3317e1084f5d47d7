from __future__ import annotations

import uuid

from django.http import FileResponse, HttpResponse
from django.shortcuts import render

from werkzorg.access import Perm, scope
from werkzorg.access.views import OrgRequest, org_view
from werkzorg.jobs import services
from werkzorg.jobs.models import Job


@org_view(Perm.VIEW_ORGANISATION)
def job_list(request: OrgRequest) -> HttpResponse:
    """The user's own recent exports and imports: come back to one after leaving its page."""
    return render(request, "jobs/list.html", {"jobs": scope(Job, request.actor)[:20]})


@org_view(Perm.VIEW_ORGANISATION)
def job_detail(request: OrgRequest, job_id: uuid.UUID) -> HttpResponse:
    job = services.get_job(actor=request.actor, job_id=job_id)
    template = "jobs/_progress.html" if request.htmx else "jobs/detail.html"  # type: ignore[attr-defined]
    return render(request, template, {"job": job})


@org_view(Perm.VIEW_ORGANISATION)
def job_download(request: OrgRequest, job_id: uuid.UUID) -> FileResponse:
    job = services.download_result(actor=request.actor, job_id=job_id)
    return FileResponse(job.result.open("rb"), as_attachment=True, filename=job.result_name)
