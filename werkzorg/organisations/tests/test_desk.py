"""The operator's desk in the admin: start an organisation, keep the practitioner register, reset a device."""

from allauth.mfa.models import Authenticator
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import MembershipFactory
from tests.personas import World
from tests.queries import assert_constant_queries
from werkzorg.accounts.models import Invitation
from werkzorg.organisations.models import Practitioner


def test_the_desk_invites_a_main_account_holder_with_a_personal_address(world: World, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users["desk"])
    url = f"/desk/accounts/invitation/hoofdaccounthouder/{world.org.pk}/"
    response = client.post(url, {"full_name": "Info", "email": "info@acme.nl", "phone": "0612345678"})
    assert response.status_code == 200 and not Invitation.objects.filter(email="info@acme.nl").exists()
    response = client.post(url, {"full_name": "Karin Boss", "email": "karin@acme.nl", "phone": "0612345678"})
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="karin@acme.nl")
    assert invitation.can_assign_permissions and invitation.role_absence


def test_the_desk_imports_practitioners_all_or_nothing(world: World, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users["desk"])
    url = "/desk/organisations/practitioner/importeren/"
    bad = "agb;big;naam\n11223344;1;dr. Een\n123;2;dr. Twee\n"
    response = client.post(url, {"file": SimpleUploadedFile("artsen.csv", bad.encode())})
    assert response.status_code == 200 and not Practitioner.objects.filter(agb_code="11223344").exists()
    good = "agb;big;naam\n11223344;1;dr. Een\n12345678;2;dr. Bijgewerkt\n"
    assert client.post(url, {"file": SimpleUploadedFile("artsen.csv", good.encode())}).status_code == 302
    assert Practitioner.objects.get(agb_code="12345678").name == "dr. Bijgewerkt"


def test_the_desk_resets_a_lost_device(world: World, client) -> None:  # type: ignore[no-untyped-def]
    user = world.users["requester"]
    client.force_login(world.users["desk"])
    client.post("/desk/accounts/user/", {"action": "reset_two_factor", "_selected_action": [user.pk]})  # type: ignore[union-attr]
    assert not Authenticator.objects.filter(user=user).exists()


def test_a_django_superuser_has_no_standing_in_an_organisation(world: World, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users["desk"])
    assert client.get("/o/acme/medewerkers/").status_code == 404


def test_the_user_list_uses_the_same_number_of_queries_for_few_or_many_users(world: World, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users["superuser"])
    assert_constant_queries(
        client,
        ["/o/acme/gebruikers/"],
        lambda: MembershipFactory.create_batch(40, organisation=world.org, role_reports=True),
    )
