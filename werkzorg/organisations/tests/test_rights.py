import pytest

from tests.factories import MembershipFactory
from tests.personas import World
from werkzorg.access import resolve_actor
from werkzorg.access.policy import GRANT_FIELDS, is_superuser_grants
from werkzorg.core.errors import ConflictError, DomainError
from werkzorg.organisations import services
from werkzorg.organisations.models import Membership

pytestmark = pytest.mark.usefixtures("english")


def actor(world: World, persona: str):  # type: ignore[no-untyped-def]
    return resolve_actor(world.users[persona], world.org.slug)  # type: ignore[arg-type]


def test_it_changes_rights_and_writes_the_audit_log(world: World) -> None:
    membership = world.org.memberships.get(user=world.users["requester"])
    services.change_rights(
        actor=actor(world, "superuser"),
        membership=membership,
        grants={"role_request_interventions": True, "role_reports": True},
        version=membership.version,
    )
    membership.refresh_from_db()
    assert membership.role_reports and membership.version == 2


def test_nobody_changes_their_own_rights(world: World) -> None:
    own = world.org.memberships.get(user=world.users["superuser"])
    with pytest.raises(DomainError, match="own rights"):
        services.change_rights(
            actor=actor(world, "superuser"), membership=own, grants={}, version=own.version
        )


def test_nobody_grants_what_they_do_not_hold(world: World) -> None:
    membership = world.org.memberships.get(user=world.users["requester"])
    with pytest.raises(DomainError):
        services.change_rights(
            actor=actor(world, "user_manager"),
            membership=membership,
            grants={"role_insurance": True, "role_request_interventions": True},
            version=membership.version,
        )


def test_a_stale_form_is_refused(world: World) -> None:
    membership = world.org.memberships.get(user=world.users["requester"])
    with pytest.raises(ConflictError):
        services.change_rights(actor=actor(world, "superuser"), membership=membership, grants={}, version=99)


def test_the_organisation_keeps_its_last_superuser(world: World) -> None:
    # Someone who may manage users and permissions, but is not a superuser, meets the sole superuser.
    Membership.objects.filter(organisation=world.org, user=world.users["reports"]).update(
        can_invite_users=True, can_assign_permissions=True
    )
    sole = world.org.memberships.get(user=world.users["superuser"])
    with pytest.raises(DomainError, match="at least one superuser"):
        services.remove_member(actor=actor(world, "reports"), membership=sole)
    with pytest.raises(DomainError, match="at least one superuser"):
        services.change_rights(
            actor=actor(world, "reports"),
            membership=sole,
            grants={**dict.fromkeys(GRANT_FIELDS, True), "can_invite_users": False},
            version=sole.version,
        )
    assert world.org.memberships.filter(pk=sole.pk, can_invite_users=True).exists()


def test_a_physician_is_authorised_and_revoked_by_agb_code(world: World, client) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import PractitionerFactory

    PractitionerFactory(agb_code="87654321", name="dr. Nieuw")
    client.force_login(world.users["superuser"])
    response = client.get("/o/acme/bedrijfsartsen/?agb_code=87654321")
    assert b"dr. Nieuw" in response.content
    response = client.get("/o/acme/bedrijfsartsen/?agb_code=11112222")
    assert b"werkgeversdesk" in response.content.lower() or b"desk" in response.content
    client.post("/o/acme/bedrijfsartsen/machtigen/", {"agb_code": "87654321"})
    authorisation = world.org.authorisations.get(practitioner__agb_code="87654321")
    client.post(f"/o/acme/bedrijfsartsen/{authorisation.pk}/intrekken/")
    authorisation.refresh_from_db()
    assert authorisation.revoked_at is not None


def test_terms_must_be_accepted_by_a_superuser_first(world: World, client) -> None:  # type: ignore[no-untyped-def]
    from werkzorg.organisations.models import TermsVersion

    TermsVersion.objects.create(version="2", title="Voorwaarden", body="Tekst")
    client.force_login(world.users["insurance"])
    assert client.get("/o/acme/medewerkers/")["Location"] == "/o/acme/voorwaarden/"
    assert client.post("/o/acme/voorwaarden/", {"accept": "on"}).status_code == 403
    client.force_login(world.users["superuser"])
    client.post("/o/acme/voorwaarden/", {"accept": "on"})
    assert world.org.terms_acceptances.filter(terms_version__version="2").exists()
    client.force_login(world.users["insurance"])
    assert client.get("/o/acme/medewerkers/").status_code == 200


def test_the_api_applies_the_terms_gate_as_the_pages_do(world: World, client) -> None:  # type: ignore[no-untyped-def]
    from werkzorg.organisations.models import TermsVersion

    TermsVersion.objects.create(version="9", title="Voorwaarden", body="...")
    client.force_login(world.users["insurance"])
    assert client.get("/o/acme/medewerkers/").status_code == 302  # to the terms page
    response = client.get("/api/v1/o/acme/medewerkers/")
    assert response.status_code == 403 and "voorwaarden" in response.json()["detail"]


@pytest.mark.django_db(transaction=True)
def test_two_superusers_demoting_each_other_at_once_leave_one() -> None:
    """Each sees two superusers before demoting the other; the lock makes the second see one and refuse."""
    import threading

    from django.db import connection

    from tests.personas import build_world
    from werkzorg.access import resolve_actor
    from werkzorg.organisations import services

    world = build_world()
    second = MembershipFactory(organisation=world.org, superuser=True, user__email="second@acme.nl")
    first = world.org.memberships.get(user=world.users["superuser"])
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def demote(by: object, target: object) -> None:
        actor = resolve_actor(by, "acme")  # type: ignore[arg-type]
        start.wait()
        try:
            services.change_rights(actor=actor, membership=target, grants={}, version=target.version)  # type: ignore[attr-defined]
            outcomes.append("demoted")
        except DomainError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=demote, args=(world.users["superuser"], second)),
        threading.Thread(target=demote, args=(second.user, first)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["demoted", "refused"]
    assert sum(is_superuser_grants(m.grant_values()) for m in world.org.memberships.all()) == 1


def test_a_member_who_may_invite_removes_only_members_whose_rights_they_could_grant(world: World) -> None:
    actor = resolve_actor(world.users["user_manager"], "acme")  # type: ignore[arg-type]
    holds_insurance = world.org.memberships.get(user=world.users["insurance"])
    with pytest.raises(DomainError, match="collective health insurance"):
        services.remove_member(actor=actor, membership=holds_insurance)
    assert world.org.memberships.filter(pk=holds_insurance.pk).exists()
    requester = world.org.memberships.get(user=world.users["requester"])
    services.remove_member(actor=actor, membership=requester)  # a role the user manager holds too
    assert not world.org.memberships.filter(pk=requester.pk).exists()


def test_asking_for_a_right_one_may_not_grant_is_refused_by_name(world: World, client) -> None:  # type: ignore[no-untyped-def]
    membership = world.org.memberships.get(user=world.users["requester"])
    client.force_login(world.users["user_manager"])  # may assign roles, not permissions
    client.cookies["django_language"] = "en"
    response = client.post(
        f"/o/acme/gebruikers/{membership.pk}/",
        {"version": membership.version, "role_request_interventions": "on", "can_assign_permissions": "on"},
    )
    assert response.status_code == 200
    assert "You may not grant: assign permissions" in response.content.decode()
    membership.refresh_from_db()
    assert not membership.can_assign_permissions and membership.version == 1


def test_an_invitation_asking_for_rights_the_inviter_lacks_is_not_sent(world: World, client) -> None:  # type: ignore[no-untyped-def]
    from werkzorg.accounts.models import Invitation

    client.force_login(world.users["user_manager"])
    client.cookies["django_language"] = "en"
    response = client.post(
        "/o/acme/gebruikers/uitnodigen/",
        {"full_name": "Nieuw", "email": "nieuw@acme.nl", "phone": "0612345678", "role_insurance": "on"},
    )
    assert response.status_code == 200 and "collective health insurance" in response.content.decode()
    assert 'value="nieuw@acme.nl"' in response.content.decode()  # the rest of the form is kept
    assert not Invitation.objects.filter(email="nieuw@acme.nl").exists()
