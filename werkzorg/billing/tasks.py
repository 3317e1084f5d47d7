from celery import shared_task
from django.utils import timezone

from werkzorg.billing.pricing import previous_quarter
from werkzorg.billing.services.statements import issue_quarter, organisations_to_bill
from werkzorg.organisations.models import Organisation


@shared_task
def issue_statements_task(organisation_id: int | None = None) -> int:
    """The last ended quarter's statements: of every organisation with something to bill, or of one.
    Idempotent: statements that exist are left as they are. One transaction per organisation."""
    year, quarter = previous_quarter(timezone.localdate())
    ids = [organisation_id] if organisation_id else organisations_to_bill()
    issued = 0
    for organisation in Organisation.objects.filter(pk__in=ids).order_by("pk"):
        issued += len(issue_quarter(actor=None, organisation=organisation, year=year, quarter=quarter))
    return issued
