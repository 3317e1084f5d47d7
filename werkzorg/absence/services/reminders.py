"""E-mail reminders before Poortwachter due dates: how many steps and where to look, never who or why."""

from __future__ import annotations

import datetime
from collections import Counter

from django.conf import settings
from django.utils import timezone

from werkzorg.absence.models import AbsenceFile, PendingStep
from werkzorg.absence.offsets import EMPLOYER_OWNERS, Owner
from werkzorg.core.workdays import add_working_days
from werkzorg.notifications.services import send_email


def send_step_reminders(today: datetime.date | None = None) -> int:
    """Once a day: for steps due on the working day N ahead, one mail per person and organisation."""
    today = today or timezone.localdate()
    target = add_working_days(today, settings.ABSENCE_REMINDER_WORKING_DAYS)
    pending = PendingStep.objects.filter(due=target, file__recovered_on__isnull=True).select_related(
        "file__organisation", "file__case_manager", "file__practitioner"
    )
    counts: Counter[tuple[str, str, str]] = Counter()  # (e-mail, organisation slug, organisation name)
    for step in pending.iterator(chunk_size=500):
        file = step.file
        for email in _recipients(file, Owner(step.owner)):
            counts[(email, file.organisation.slug, file.organisation.name)] += 1
    for (email, slug, name), count in counts.items():
        send_email(
            email,
            "absence_steps_due",
            {"count": count, "due": target, "organisation": name,
             "url": f"{settings.SITE_URL}/o/{slug}/verzuim/taken/"},
        )  # fmt: skip
    return len(counts)


def _recipients(file: AbsenceFile, owner: Owner) -> list[str]:
    if owner == Owner.PHYSICIAN:
        if file.practitioner is not None and file.practitioner.email:
            return [file.practitioner.email]
        return list(
            file.organisation.authorisations.filter(revoked_at__isnull=True)
            .exclude(practitioner__email="")
            .values_list("practitioner__email", flat=True)
        )
    if owner not in EMPLOYER_OWNERS:
        return []
    if file.case_manager is not None and file.case_manager.is_active:
        return [file.case_manager.email]
    return list(
        file.organisation.memberships.filter(role_absence=True, user__is_active=True).values_list(
            "user__email", flat=True
        )
    )
