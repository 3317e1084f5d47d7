from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone, translation

from tests.personas import World
from werkzorg.access import resolve_actor
from werkzorg.accounts import services
from werkzorg.accounts.models import Invitation, InvitationStatus, User
from werkzorg.audit.models import AuditEvent
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.notifications import sms
from werkzorg.organisations.models import Membership

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture(autouse=True)
def _english_messages():  # type: ignore[no-untyped-def]
    """The assertions read the English message texts; the UI default is Dutch."""
    with translation.override("en"):
        yield


def invite(world: World, **overrides: object) -> Invitation:
    actor = resolve_actor(world.users["superuser"], world.org.slug)  # type: ignore[arg-type]
    data = {
        "email": "colleague@acme.nl",
        "phone": "+31612340000",
        "full_name": "Col League",
        "grants": {"role_request_interventions": True},
    } | overrides
    return services.invite_user(actor=actor, **data)  # type: ignore[arg-type]


@pytest.fixture
def send_code(django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """Send the SMS code and deliver it (SMS leave only after the transaction commits)."""

    def send(invitation: Invitation) -> str:
        with django_capture_on_commit_callbacks(execute=True):
            services.send_invitation_code(invitation_id=invitation.pk)
        return last_sms_code()

    return send


def last_sms_code() -> str:
    match = re.search(r"\b(\d{6})\b", sms.outbox[-1].text)
    assert match
    return match.group(1)


def test_it_invites_by_email_and_registers_with_the_sms_code(
    world: World, client: Client, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(world)
    assert invitation is not None
    assert len(mail.outbox) == 1 and f"/uitnodiging/{invitation.pk}/" in mail.outbox[0].body
    url = f"/uitnodiging/{invitation.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"send_code": "1"})
    assert sms.outbox[-1].to == "+31612340000"
    response = client.post(url, {"code": last_sms_code()})
    assert response.status_code == 302 and response["Location"].endswith("/registreren/")
    response = client.post(
        url + "registreren/",
        {
            "full_name": "Col League",
            "password1": "a long pass phrase 42",
            "password2": "a long pass phrase 42",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="colleague@acme.nl")
    membership = Membership.objects.get(user=user, organisation=world.org)
    assert membership.role_request_interventions and not membership.can_invite_users
    assert user.phone_verified
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    # The link cannot be used twice.
    assert client.get("/o/acme/")["Location"] == "/account/tweestapsverificatie/"  # second factor first
    assert Client().get(url).status_code == 404


def test_it_refuses_a_wrong_code_and_stops_after_five_tries(world: World, send_code) -> None:  # type: ignore[no-untyped-def]
    invitation = invite(world)
    assert invitation is not None
    code = send_code(invitation)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(4):
        with pytest.raises(DomainError, match="not correct"):
            services.verify_invitation_code(invitation_id=invitation.pk, code=wrong)
    with pytest.raises(DomainError, match="Too many"):
        services.verify_invitation_code(invitation_id=invitation.pk, code=wrong)
    with pytest.raises(DomainError, match="Too many"):
        services.verify_invitation_code(invitation_id=invitation.pk, code=code)


def test_it_refuses_an_expired_or_reused_code(world: World, send_code) -> None:  # type: ignore[no-untyped-def]
    invitation = invite(world)
    assert invitation is not None
    code = send_code(invitation)
    Invitation.objects.filter(pk=invitation.pk).update(
        code_sent_at=timezone.now() - datetime.timedelta(minutes=11)
    )
    with pytest.raises(DomainError, match="expired"):
        services.verify_invitation_code(invitation_id=invitation.pk, code=code)
    Invitation.objects.filter(pk=invitation.pk).update(
        code_sent_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    services.verify_invitation_code(invitation_id=invitation.pk, code=code)
    with pytest.raises(DomainError, match="no longer valid"):
        services.verify_invitation_code(invitation_id=invitation.pk, code=code)


def test_it_shows_invitation_expired_after_fifteen_minutes(world: World, client: Client, send_code) -> None:  # type: ignore[no-untyped-def]
    invitation = invite(world)
    assert invitation is not None
    client.post(f"/uitnodiging/{invitation.pk}/", {"code": send_code(invitation)})
    Invitation.objects.filter(pk=invitation.pk).update(
        code_verified_at=timezone.now() - datetime.timedelta(minutes=16)
    )
    response = client.get(f"/uitnodiging/{invitation.pk}/registreren/")
    assert response.status_code == 410
    assert b"/uitnodiging/" in response.content  # a way to ask for a new code


def test_a_known_person_is_invited_like_anyone_and_joins_only_by_accepting(
    world: World, django_capture_on_commit_callbacks, client
) -> None:  # type: ignore[no-untyped-def]
    """No enumeration: the inviter sees the same; no surprise: nobody is added without accepting."""
    known = world.users["other_superuser"]
    assert known is not None
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(world, email=known.email, phone="+31699999999")  # another phone: not told either
    assert not known.memberships.filter(organisation=world.org).exists()
    assert (
        "Sign in" in mail.outbox[-1].body
        or "Log in" in mail.outbox[-1].body
        or "accept" in mail.outbox[-1].body
    )
    page = client.get(f"/uitnodiging/{invitation.pk}/")
    assert page.status_code == 200 and "/accounts/login/?next=" in page.content.decode()
    client.force_login(known)
    response = client.post(f"/uitnodiging/{invitation.pk}/", {"accept": "1"})
    assert response.status_code == 302 and response["Location"] == "/o/acme/"
    assert known.memberships.get(organisation=world.org).grant_values() == invitation.grant_values()
    event = AuditEvent.objects.get(event_type="member_added")
    assert event.organisation == world.org and event.actor_label == known.email


def test_someone_else_cannot_accept_an_invitation(world: World, client) -> None:  # type: ignore[no-untyped-def]
    known = world.users["other_superuser"]
    invitation = invite(world, email=known.email, phone=known.phone)  # type: ignore[union-attr]
    client.force_login(world.users["provider"])
    client.post(f"/uitnodiging/{invitation.pk}/", {"accept": "1"})
    assert not world.org.memberships.filter(user__in=[known, world.users["provider"]]).exists()


def test_it_explains_a_duplicate_membership(world: World) -> None:
    member = world.users["requester"]
    assert member is not None
    with pytest.raises(ConflictError, match="already works for"):
        invite(world, email=member.email, phone=member.phone)


def test_it_refuses_to_grant_what_the_inviter_does_not_hold(world: World) -> None:
    actor = resolve_actor(world.users["user_manager"], world.org.slug)  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        services.invite_user(
            actor=actor,
            email="x@acme.nl",
            phone="+31612340001",
            full_name="X",
            grants={"role_insurance": True},
        )
    with pytest.raises(DomainError):
        services.invite_user(
            actor=actor,
            email="x@acme.nl",
            phone="+31612340001",
            full_name="X",
            grants={"can_assign_permissions": True},
        )


@pytest.mark.parametrize(
    ("email", "reason"),
    [("someone@gmail.com", "free mail"), ("info@acme.nl", "shared mailbox"), ("piet@other.nl", "domain")],
)
def test_it_requires_a_personal_work_address_for_a_superuser(world: World, email: str, reason: str) -> None:
    with pytest.raises(DomainError):
        invite(
            world,
            email=email,
            grants=dict.fromkeys(["can_invite_users", "can_assign_permissions", "can_assign_roles"], True),
        )


def test_the_invite_page_shows_clear_messages(world: World, client: Client) -> None:
    client.force_login(world.users["superuser"])
    response = client.post(
        "/o/acme/gebruikers/uitnodigen/", {"full_name": "A", "email": "a@acme.nl", "phone": "12"}
    )
    assert response.status_code == 200
    assert "mobile" in response.content.decode().lower() or "mobiel" in response.content.decode().lower()
    assert not Invitation.objects.filter(email="a@acme.nl").exists()


def test_the_users_list_names_permissions_and_roles_in_words(world: World, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users["superuser"])
    # Dutch first, then English: the words of a combination are kept per language (a copy kept for
    # the first language only would show Dutch on the English page).
    words = {
        "nl": ("gebruikers uitnodigen en verwijderen", "rollen toewijzen", "interventie aanvragen"),
        "en": ("invite and remove users", "assign roles", "request interventions"),
    }
    for language, expected in words.items():
        client.cookies["django_language"] = language
        page = client.get("/o/acme/gebruikers/")
        rights = {m.email: m.rights for m in page.context["page"].object_list}
        assert rights["user_manager@acme.nl"] == expected
    assert rights["main@acme.nl"][0] == "superuser"
    # The user manager's row as shown: name, address, rights as badges, a link to change them.
    manager = world.users["user_manager"]
    membership = Membership.objects.get(user=manager, organisation=world.org)
    row = page.content.decode().split(f'<td class="utrecht-table__cell">{manager.full_name}</td>')[1]
    row = row.split("</tr>")[0]
    assert row.lstrip().startswith('<td class="utrecht-table__cell">user_manager@acme.nl</td>')
    assert '<span class="werkzorg-badge">assign roles</span>' in row
    assert f'href="/o/acme/gebruikers/{membership.pk}/">Rights' in row
    assert "(you)" not in row
    # The signed-in user's own row says so and only offers to view their rights.
    me = world.users["superuser"]
    own = page.content.decode().split(f'<td class="utrecht-table__cell">{me.full_name} (you)</td>')[1]
    own = own.split("</tr>")[0]
    own_membership = Membership.objects.get(user=me, organisation=world.org)
    assert f'href="/o/acme/gebruikers/{own_membership.pk}/">View</a>' in own
