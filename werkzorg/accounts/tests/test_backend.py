"""On an organisation's page the signed-in user is read together with their standing there: the same
outcomes as reading them apart (sessions, inactive users, lost or other standing), one statement less."""

from __future__ import annotations

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from tests.personas import World
from werkzorg.access.rules import load_user_with_standing, resolve_actor
from werkzorg.accounts.models import User
from werkzorg.core.errors import NotFound
from werkzorg.organisations.models import Membership, PhysicianAuthorisation
from werkzorg.organisations.queries import user_with_standing

LOGIN = "/accounts/login/"


def signed_in(user: object) -> Client:
    client = Client()
    client.force_login(user)  # the project's backend, as a sign-in through allauth
    return client


def test_a_changed_password_ends_the_other_sessions_also_on_an_organisations_page(world: World) -> None:
    user = world.users["superuser"]
    client = signed_in(user)
    assert client.get("/o/acme/").status_code == 200
    user.set_password("Een heel ander wachtwoord 42")  # type: ignore[union-attr]
    user.save()  # type: ignore[union-attr]
    response = client.get("/o/acme/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert SESSION_KEY not in client.session


def test_a_disabled_user_is_signed_out_on_an_organisations_page(world: World) -> None:
    user = world.users["superuser"]
    client = signed_in(user)
    type(user).objects.filter(pk=user.pk).update(is_active=False)  # type: ignore[union-attr]
    response = client.get("/o/acme/medewerkers/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_a_lost_membership_is_a_404_and_a_physician_keeps_their_authorisation(world: World) -> None:
    client = signed_in(world.users["superuser"])
    Membership.objects.filter(user=world.users["superuser"]).delete()
    assert client.get("/o/acme/").status_code == 404
    physician = signed_in(world.users["physician"])  # no membership: standing through the authorisation
    assert physician.get("/o/acme/").status_code == 200
    assert physician.get("/o/care/").status_code == 404  # authorised by Acme and Globex, not by Care
    PhysicianAuthorisation.objects.update(revoked_at="2026-01-01T00:00:00Z")
    assert physician.get("/o/acme/").status_code == 404


def test_another_organisation_is_not_taken_for_the_one_read_with_the_user(world: World) -> None:
    member_of_acme = world.users["superuser"]
    loaded = user_with_standing(member_of_acme.pk, "acme")  # type: ignore[union-attr]
    assert loaded is not None
    user, standing = loaded
    assert user == member_of_acme
    assert standing is not None and standing[0] == world.org and standing[1] is not None
    assert standing[1].user_id == member_of_acme.pk  # type: ignore[union-attr]
    assert user_with_standing(member_of_acme.pk, "globex") == (member_of_acme, None)  # type: ignore[union-attr]
    assert user_with_standing(member_of_acme.pk, "no-such-org") == (member_of_acme, None)  # type: ignore[union-attr]
    assert user_with_standing(10**9, "acme") is None
    # Signed in for Acme's page, the same user asks for Globex's: a 404, not Acme's standing.
    client = signed_in(member_of_acme)
    assert client.get("/o/globex/").status_code == 404
    assert client.get("/o/acme/").status_code == 200


def test_the_standing_read_with_the_user_serves_only_its_own_organisation(world: World) -> None:
    user = load_user_with_standing(world.users["superuser"].pk, "acme")  # type: ignore[union-attr]
    assert resolve_actor(user, "acme").organisation == world.org
    with pytest.raises(NotFound):
        resolve_actor(user, "globex")  # asked again, not taken from Acme's
    physician = load_user_with_standing(world.users["physician"].pk, "acme")  # type: ignore[union-attr]
    assert resolve_actor(physician, "globex").organisation == world.other_org


def test_the_user_is_loaded_before_the_view_not_behind_a_lazy_proxy(world: World) -> None:
    page = signed_in(world.users["superuser"]).get("/o/acme/")
    assert page.status_code == 200
    assert type(page.wsgi_request.user) is User
    assert page.wsgi_request.user.pk == world.users["superuser"].pk
    anonymous = Client().get(LOGIN)
    assert type(anonymous.wsgi_request.user) is AnonymousUser
