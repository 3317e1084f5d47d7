"""The jobs app's objects in the test world: a finished export of Acme's superuser, and one in Globex."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from tests.personas import World
from werkzorg.jobs.models import Job, JobStatus

PLACEHOLDERS = {"<uuid:job_id>": "job"}


def extend(world: World) -> None:
    for key, org, owner in (
        ("job", world.org, "superuser"),
        ("other_job", world.other_org, "other_superuser"),
    ):
        job = Job.objects.create(
            organisation=org,
            created_by=world.users[owner],
            kind="employees.export",
            title="Export",
            status=JobStatus.DONE,
            expires_at=timezone.now() + datetime.timedelta(hours=1),
            result_name="export.xlsx",
        )
        job.result.save(f"{job.pk}", ContentFile(b"xlsx"), save=True)
        world.objects[key] = job
