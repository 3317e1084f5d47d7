"""The employee's survey after completion (a signed link); the employer only ever sees averages."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from werkzorg.interventions.models import RequestStatus, SurveyResponse
from werkzorg.interventions.services.links import SURVEY_SALT, InvalidLink, resolve_link


@transaction.atomic(durable=True)
def submit_survey(*, token: str, score_offer: int, score_speed: int, comment: str) -> SurveyResponse:
    request = resolve_link(token, SURVEY_SALT, lock=True)
    if request.status != RequestStatus.COMPLETED or hasattr(request, "survey"):
        raise InvalidLink(_("This link is not valid (any more)."))
    response = SurveyResponse.objects.create(
        request=request, score_offer=score_offer, score_speed=score_speed, comment=comment.strip()
    )
    request.survey_nonce = ""
    request.save(update_fields=["survey_nonce", "updated_at"])
    return response
