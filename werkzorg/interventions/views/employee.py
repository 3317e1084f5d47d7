"""The employee, who has no account: consent, withdrawal and the survey, each by a signed link."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from werkzorg.access.views import public_view
from werkzorg.core.errors import DomainError
from werkzorg.interventions import services
from werkzorg.interventions.forms import SurveyForm
from werkzorg.interventions.models import InterventionRequest, RequestStatus


def _speak_employees_language(request: HttpRequest, found: InterventionRequest) -> None:
    """Link pages open in the language the e-mail was sent in, unless the person chose one themselves."""
    if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
        translation.activate(found.language)
        request.LANGUAGE_CODE = found.language


def _invalid_link(request: HttpRequest, error: DomainError) -> HttpResponse:
    return render(request, "interventions/link_invalid.html", {"message": error.message}, status=410)


@public_view
def consent(request: HttpRequest, token: str) -> HttpResponse:
    try:
        found = services.resolve_link(token, services.CONSENT_SALT)
        if found.status != RequestStatus.AWAITING_CONSENT or timezone.now() > found.consent_due_at:
            raise services.InvalidLink(_("This link is not valid (any more)."))
    except DomainError as error:
        return _invalid_link(request, error)
    _speak_employees_language(request, found)
    if request.method == "POST":
        try:
            if request.POST.get("decision") == "consent":
                done = services.grant_consent(token=token)
                template = "interventions/consent_given.html"
            else:
                done = services.refuse_consent(token=token)
                template = "interventions/consent_refused.html"
        except DomainError as error:
            return _invalid_link(request, error)
        return render(
            request,
            template,
            {"item": done, "withdraw_url": services.withdraw_url(done) if done.consent_nonce else ""},
        )
    return render(
        request,
        "interventions/consent.html",
        {"item": found, "scope": services.consent_scope(found), "version": services.CONSENT_TEXT_VERSION},
    )


@public_view
def consent_withdraw(request: HttpRequest, token: str) -> HttpResponse:
    try:
        found = services.resolve_link(token, services.WITHDRAW_SALT)
    except DomainError as error:
        return _invalid_link(request, error)
    _speak_employees_language(request, found)
    if request.method == "POST":
        try:
            services.withdraw_consent(token=token)
        except DomainError as error:
            return _invalid_link(request, error)
        return render(request, "interventions/consent_withdrawn.html", {"item": found})
    return render(request, "interventions/consent_withdraw.html", {"item": found})


@public_view
def survey(request: HttpRequest, token: str) -> HttpResponse:
    try:
        found = services.resolve_link(token, services.SURVEY_SALT)
    except DomainError as error:
        return _invalid_link(request, error)
    _speak_employees_language(request, found)
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_survey(token=token, **form.cleaned_data)
        except DomainError as error:
            return _invalid_link(request, error)
        return render(request, "interventions/survey_thanks.html", {"item": found})
    return render(request, "interventions/survey.html", {"item": found, "form": form})
