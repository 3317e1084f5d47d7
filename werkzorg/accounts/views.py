from __future__ import annotations

import uuid

from allauth.account.decorators import reauthentication_required
from allauth.account.internal.flows.login import record_authentication
from allauth.account.views import change_phone as allauth_change_phone
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkzorg.access import Perm, get_or_404, scope
from werkzorg.access.policy import GRANT_FIELDS, describe_grants
from werkzorg.access.views import OrgRequest, org_view, public_view, user_view
from werkzorg.accounts import services
from werkzorg.accounts.forms import CodeForm, RegisterForm
from werkzorg.accounts.models import Invitation, InvitationStatus, User
from werkzorg.core.errors import DomainError
from werkzorg.core.forms import add_domain_error
from werkzorg.core.net import client_ip
from werkzorg.core.paging import paginate
from werkzorg.core.validators import mask_phone
from werkzorg.organisations.forms import InviteForm
from werkzorg.organisations.models import TermsVersion
from werkzorg.organisations.queries import list_members, list_organisations_for_user

SESSION_INVITATION_KEY = "werkzorg_invitation"
USERS_PAGE_SIZE = 50


def _invitation_or_invalid(request: HttpRequest, invitation_id: uuid.UUID) -> Invitation | HttpResponse:
    invitation = Invitation.objects.select_related("organisation").filter(pk=invitation_id).first()
    if invitation is None or not invitation.is_pending:
        return render(request, "accounts/invitation_invalid.html", status=404)
    return invitation


@public_view
def invitation(request: HttpRequest, invitation_id: uuid.UUID) -> HttpResponse:
    """The link from the e-mail: ask for a code by SMS, then type it in."""
    found = _invitation_or_invalid(request, invitation_id)
    if isinstance(found, HttpResponse):
        return found
    if User.objects.filter(email__iexact=found.email).exists():
        return _join_with_account(request, found)
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        if "send_code" in request.POST:
            try:
                services.send_invitation_code(invitation_id=found.pk, client_address=client_ip(request))
            except DomainError as error:
                messages.error(request, str(error.message))
            else:
                messages.success(
                    request, _("We sent a code to %(phone)s.") % {"phone": mask_phone(found.phone)}
                )
            return redirect("accounts:invitation", invitation_id=found.pk)
        if form.is_valid():
            try:
                services.verify_invitation_code(
                    invitation_id=found.pk, code=form.cleaned_data["code"], client_address=client_ip(request)
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                request.session[SESSION_INVITATION_KEY] = str(found.pk)
                return redirect("accounts:invitation-register", invitation_id=found.pk)
    found.refresh_from_db()
    return render(
        request,
        "accounts/invitation.html",
        {
            "invitation": found,
            "form": form,
            "masked_phone": mask_phone(found.phone),
            "code_sent": bool(found.code_sent_at),
        },
    )


def _join_with_account(request: HttpRequest, found: Invitation) -> HttpResponse:
    """The invitee already has an account: they sign in as themselves and accept (or not)."""
    user = request.user
    is_invitee = user.is_authenticated and user.email.lower() == found.email.lower()
    if request.method == "POST" and is_invitee and "accept" in request.POST:
        try:
            membership = services.accept_invitation(user=user, invitation_id=found.pk)  # type: ignore[arg-type]
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("You now also work for %(org)s.") % {"org": found.organisation.name})
            return redirect("organisations:home", org=membership.organisation.slug)
    return render(
        request,
        "accounts/invitation_join.html",
        {
            "invitation": found,
            "is_invitee": is_invitee,
            "signed_in_elsewhere": user.is_authenticated and not is_invitee,
        },
    )


@public_view
def invitation_register(request: HttpRequest, invitation_id: uuid.UUID) -> HttpResponse:
    found = _invitation_or_invalid(request, invitation_id)
    if isinstance(found, HttpResponse):
        return found
    if request.session.get(SESSION_INVITATION_KEY) != str(found.pk) or not services.registration_window_open(
        found
    ):
        return render(request, "accounts/invitation_expired.html", {"invitation": found}, status=410)
    needs_terms = services.registration_needs_terms(found)
    form = RegisterForm(request.POST or None, needs_terms=needs_terms, initial={"full_name": found.full_name})
    if request.method == "POST" and form.is_valid():
        try:
            user = services.register_from_invitation(
                invitation_id=found.pk,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
                accept=bool(form.cleaned_data.get("accept_terms")),
            )
        except DomainError as error:
            if not services.registration_window_open(found):
                return render(request, "accounts/invitation_expired.html", {"invitation": found}, status=410)
            add_domain_error(form, error)
        else:
            request.session.pop(SESSION_INVITATION_KEY, None)
            login(request, user, backend="werkzorg.accounts.backends.AuthenticationBackend")
            # The password was just set: count it as a fresh sign-in, so setting up two-factor asks no re-entry.
            record_authentication(request, user, method="password", email=user.email, reauthenticated=True)
            messages.success(
                request,
                _(
                    "Welcome, your account is ready. One last step: secure it with an authenticator app or a passkey."
                ),
            )
            return redirect("home")
    return render(
        request,
        "accounts/invitation_register.html",
        {"invitation": found, "form": form, "terms": TermsVersion.current() if needs_terms else None},
    )


@public_view
def session_expired(request: HttpRequest) -> HttpResponse:
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    return render(
        request,
        "accounts/session_expired.html",
        {
            "reason": request.GET.get("reason", "idle"),
            "next_url": next_url,
            "idle_minutes": settings.SESSION_IDLE_TIMEOUT // 60,
            "lifetime_hours": settings.SESSION_ABSOLUTE_LIFETIME // 3600,
        },
    )


@user_view
@require_POST
def session_keepalive(request: HttpRequest) -> HttpResponse:
    """The warning dialog's 'stay signed in': the request itself renews the activity time."""
    return HttpResponse(status=204)


@user_view
def two_factor_required(request: HttpRequest) -> HttpResponse:
    has_factor = Authenticator.objects.filter(
        user_id=request.user.pk, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
    ).exists()
    if has_factor:
        return redirect("home")
    return render(request, "accounts/two_factor_required.html")


@user_view
def profile(request: HttpRequest) -> HttpResponse:
    return render(
        request, "accounts/profile.html", {"organisations": list_organisations_for_user(request.user)}
    )


change_phone = user_view(reauthentication_required(allauth_change_phone))


# --- The organisation's users and invitations ---------------------------------------------------


@org_view(Perm.VIEW_USERS)
def user_list(request: OrgRequest) -> HttpResponse:
    actor = request.actor
    invitations = (
        scope(Invitation, actor).filter(status=InvitationStatus.PENDING).select_related("invited_by")
    )
    page = paginate(request, list_members(actor), USERS_PAGE_SIZE, row=MemberRow)
    return render(
        request,
        "organisations/users.html",
        {"page": page, "invitations": invitations, "mask_phone": mask_phone},
    )


class MemberRow:
    """A row of the users list as plain values (never the user's whole row, password hash included), with
    the rights in words; fifty memberships with their users as model instances cost more (measured)."""

    columns = ("pk", "user_id", "user__full_name", "user__email", "user__is_active", *GRANT_FIELDS)
    __slots__ = ("email", "full_name", "is_active", "pk", "rights", "user_id")

    def __init__(
        self, pk: int, user_id: int, full_name: str, email: str, is_active: bool, *grants: bool
    ) -> None:
        self.pk, self.user_id, self.full_name, self.email = pk, user_id, full_name, email
        self.is_active = is_active
        self.rights = describe_grants(grants)


@org_view(Perm.INVITE_USERS)
def user_invite(request: OrgRequest) -> HttpResponse:
    actor = request.actor
    form = InviteForm(request.POST or None, actor=actor)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_user(
                actor=actor,
                email=form.cleaned_data["email"],
                phone=form.cleaned_data["phone"],
                full_name=form.cleaned_data["full_name"],
                grants=form.grants(),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            # The same words whether or not the address already has an account: nothing is given away.
            messages.success(
                request,
                _("Invitation sent to %(email)s. They follow the link in the e-mail to join.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("accounts:users", org=actor.organisation.slug)
    return render(request, "organisations/invite.html", {"form": form})


@org_view(Perm.INVITE_USERS)
@require_POST
def invitation_action(request: OrgRequest, invitation_id: str, action: str) -> HttpResponse:
    actor = request.actor
    invitation = get_or_404(Invitation, actor, pk=invitation_id)
    try:
        if action == "opnieuw":
            services.resend_invitation(actor=actor, invitation=invitation)
            messages.success(request, _("Invitation sent again to %(email)s.") % {"email": invitation.email})
        else:
            services.revoke_invitation(actor=actor, invitation=invitation)
            messages.success(request, _("Invitation for %(email)s withdrawn.") % {"email": invitation.email})
    except DomainError as error:
        messages.error(request, str(error.message))
    return redirect("accounts:users", org=actor.organisation.slug)
