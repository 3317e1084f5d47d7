"""The desk's door is the portal's sign-in (second factor, lock-out), and each desk role sees only its part."""

from __future__ import annotations

from django.test import Client

from tests.factories import PASSWORD, UserFactory
from tests.personas import World


def test_the_stock_admin_login_is_gone(db: None, client: Client) -> None:
    response = client.get("/desk/login/?next=/desk/accounts/user/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fdesk%2Faccounts%2Fuser%2F"
    assert client.post("/desk/login/", {"username": "x", "password": "y"}).status_code == 302
    assert (
        client.get("/desk/login/?next=https://evil.example/").headers["Location"].endswith("next=%2Fdesk%2F")
    )


def test_a_password_alone_does_not_open_the_desk(db: None, client: Client) -> None:
    desk = UserFactory(email="staff@operator.nl", is_staff=True, desk_support=True)
    response = client.post("/accounts/login/", {"login": desk.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/authenticate")
    assert client.get("/desk/").status_code == 302  # still signed out until the second factor


def test_the_lock_out_holds_for_the_desk_too(db: None, client: Client) -> None:
    desk = UserFactory(email="staff@operator.nl", is_staff=True, desk_support=True)
    for _ in range(5):
        client.post("/accounts/login/", {"login": desk.email, "password": "wrong"})
    response = client.post("/accounts/login/", {"login": desk.email, "password": PASSWORD})
    assert response.status_code in {200, 429} and "/accounts/2fa/" not in response.get("Location", "")


def test_each_desk_role_sees_only_its_part(world: World) -> None:
    catalogue_only = UserFactory(email="cat@operator.nl", is_staff=True, desk_catalogue=True)
    client = Client()
    client.force_login(catalogue_only)
    assert client.get("/desk/interventions/intervention/").status_code == 200
    assert client.get("/desk/organisations/practitioner/").status_code == 200
    assert client.get("/desk/accounts/user/").status_code == 403
    assert client.get("/desk/employees/employee/").status_code == 403
    assert client.get("/desk/audit/auditevent/").status_code == 403
    index = client.get("/desk/").content.decode()
    assert "/desk/interventions/intervention/" in index and "/desk/accounts/user/" not in index


def test_staff_without_a_desk_role_sees_nothing(world: World) -> None:
    client = Client()
    client.force_login(UserFactory(email="none@operator.nl", is_staff=True))
    assert client.get("/desk/organisations/organisation/").status_code == 403


def test_the_desk_reads_employees_but_cannot_change_them(world: World) -> None:
    employee = world.objects["employee"]
    client = Client()
    client.force_login(world.users["desk"])  # type: ignore[arg-type]
    url = f"/desk/employees/employee/{employee.pk}/change/"  # type: ignore[attr-defined]
    assert client.get(url).status_code == 200
    assert client.post(url, {"last_name": "X"}).status_code == 403
    assert client.get("/desk/employees/employee/add/").status_code == 403
