import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from openpyxl import Workbook, load_workbook

from tests.personas import World
from tests.queries import assert_constant_queries
from werkzorg.employees.models import Employee
from werkzorg.employees.tests.factories import EmployeeFactory

CSV = (
    "personeelsnummer;voornaam;tussenvoegsel;achternaam;e-mail;mobiel;geboortedatum;afdeling\n"
    "1001;Daan;de;Vries;daan@acme.nl;06 12345678;01-02-1980;Bakkerij\n"
    "1002;Emma;;Bakker;emma@acme.nl;;1990-05-06;Winkels\n"
)


def upload(client, content: bytes, name: str = "medewerkers.csv"):  # type: ignore[no-untyped-def]
    """Upload, let the background job run (as when its transaction commits), and show its page."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post("/o/acme/medewerkers/importeren/", {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 302 and "/taken/" in response["Location"]
    return client.get(response["Location"])


def exported(client) -> Workbook:  # type: ignore[no-untyped-def]
    with TestCase.captureOnCommitCallbacks(execute=True):
        job_page = client.post("/o/acme/medewerkers/exporteren/", {"formaat": "xlsx"})
    download = client.get(job_page["Location"] + "downloaden/")
    assert download.status_code == 200
    return load_workbook(io.BytesIO(b"".join(download.streaming_content)))


def test_it_imports_a_csv_and_updates_on_employee_number(world: World, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users["superuser"])
    assert upload(client, CSV.encode()).context["job"].report["created"] == 2
    daan = Employee.objects.get(organisation=world.org, employee_number="1001")
    assert daan.mobile == "+31612345678" and daan.name_prefix == "de"
    assert daan.created_at and daan.updated_at  # written in bulk, still time-stamped
    assert list(Employee.objects.search("bakkerij daan")) == [daan]  # the search column is filled too
    # Only Daan's department changes: one person updated, Emma left as she was.
    assert upload(client, CSV.replace("Bakkerij", "Logistiek").encode()).context["job"].report["updated"] == 1
    assert Employee.objects.get(organisation=world.org, employee_number="1001").department == "Logistiek"
    daan.refresh_from_db()
    assert daan.department == "Logistiek"
    assert Employee.objects.filter(organisation=world.org, employee_number__in=["1001", "1002"]).count() == 2


def test_a_bad_row_imports_nothing_and_every_problem_is_reported(world: World, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users["superuser"])
    bad = CSV + "1003;Sem;;;sem@;12;31-02-1990;X\n1001;Dubbel;;Nummer;;;;\n"
    response = upload(client, bad.encode())
    assert response.status_code == 200
    text = response.content.decode()
    assert "4" in text and "5" in text  # the two bad lines are named
    assert not Employee.objects.filter(organisation=world.org, employee_number__in=["1001", "1002"]).exists()


def test_it_reads_excel_and_refuses_other_files(world: World, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users["superuser"])
    book = Workbook()
    sheet = book.active
    sheet.append(["Personeelsnummer", "Voornaam", "Achternaam"])
    sheet.append([2001, "Mila", "Jansen"])
    buffer = io.BytesIO()
    book.save(buffer)
    assert upload(client, buffer.getvalue(), "lijst.xlsx").context["job"].status == "done"
    assert Employee.objects.filter(employee_number="2001").exists()
    assert upload(client, b"not a zip", "lijst.xlsx").context["job"].status == "failed"
    assert upload(client, b"%PDF", "lijst.pdf").context["job"].status == "failed"


def test_the_export_neutralises_formulas(world: World, client) -> None:  # type: ignore[no-untyped-def]
    EmployeeFactory(
        organisation=world.org,
        first_name='=HYPERLINK("http://evil")',
        employee_number="9",
        mobile="+31612345678",
    )
    client.force_login(world.users["superuser"])
    sheet = exported(client).active
    cells = {cell.value: cell for row in sheet.iter_rows() for cell in row}
    formula = cells['=HYPERLINK("http://evil")']  # shown as typed, stored as text: never run
    assert formula.data_type == "s"
    assert cells["+31612345678"].data_type == "s"  # no visible apostrophe before a mobile number
    assert all(cell.data_type != "f" for cell in cells.values())


def test_the_list_uses_the_same_number_of_queries_for_10_or_500_employees(world: World, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users["superuser"])
    EmployeeFactory.create_batch(10, organisation=world.org)
    assert_constant_queries(
        client, ["/o/acme/medewerkers/"], lambda: EmployeeFactory.create_batch(490, organisation=world.org)
    )


def test_another_organisations_employee_is_a_404_also_in_the_api(world: World, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users["superuser"])
    other = world.objects["other_employee"]
    assert client.get(f"/o/acme/medewerkers/{other.pk}/").status_code == 404  # type: ignore[attr-defined]
    assert client.get(f"/api/v1/o/acme/medewerkers/{other.pk}/").status_code == 404  # type: ignore[attr-defined]
    assert client.get("/api/v1/o/globex/medewerkers/").status_code == 404
    assert client.get("/api/v1/o/acme/medewerkers/").status_code == 200


def test_the_picker_finds_people_and_audits_the_search(world: World, client) -> None:  # type: ignore[no-untyped-def]
    from werkzorg.audit.models import AuditEvent
    from werkzorg.employees.models import EmployeeEvent

    employee = world.objects["employee"]
    client.force_login(world.users["requester"])
    response = client.post("/o/acme/medewerkers/zoeken/", {"q": employee.last_name}, HTTP_HX_REQUEST="true")  # type: ignore[attr-defined]
    shown = response.content.decode()
    assert employee.employee_number in shown  # type: ignore[attr-defined]
    assert employee.email not in shown and str(employee.mobile or "x") not in shown  # type: ignore[attr-defined]
    assert AuditEvent.objects.filter(event_type=EmployeeEvent.EMPLOYEE_SEARCHED).exists()
    assert client.post("/o/acme/medewerkers/zoeken/", {"q": "x"}).content.decode().strip() == ""  # too short
    assert client.get("/o/acme/medewerkers/").status_code == 403  # the register itself is not the requester's


def test_a_search_never_travels_in_the_url(world: World, client) -> None:  # type: ignore[no-untyped-def]
    employee = world.objects["employee"]
    client.force_login(world.users["superuser"])
    response = client.post("/o/acme/medewerkers/", {"q": employee.last_name, "toon": "alle"})  # type: ignore[attr-defined]
    target = response["Location"]
    assert response.status_code == 302 and employee.last_name not in target and "zoek=" in target  # type: ignore[attr-defined]
    page = client.get(target)
    assert [e.pk for e in page.context["page"].object_list] == [employee.pk]  # type: ignore[attr-defined]
    htmx = client.post("/o/acme/medewerkers/", {"q": employee.last_name}, HTTP_HX_REQUEST="true")  # type: ignore[attr-defined]
    assert employee.last_name not in htmx["HX-Push-Url"]  # type: ignore[attr-defined]


def test_every_page_a_machine_reads_from_the_api_is_audited(world: World, client) -> None:  # type: ignore[no-untyped-def]
    from werkzorg.audit.models import AuditEvent

    EmployeeFactory.create_batch(3, organisation=world.org)
    client.force_login(world.users["superuser"])
    first = client.get("/api/v1/o/acme/medewerkers/?page_size=2").json()
    second = client.get(first["next"])
    assert second.status_code == 200 and len(first["results"]) == 2
    listed = AuditEvent.objects.filter(event_type="employees_listed").order_by("pk")
    assert [e.detail.split(" ")[:2] for e in listed] == [["api", "page"], ["api", "page"]]
    assert listed[0].detail == "api page first" and listed[1].detail != listed[0].detail


def test_the_search_finds_every_word_in_any_column_whatever_the_case(world: World) -> None:
    from werkzorg.access import resolve_actor
    from werkzorg.employees import services

    EmployeeFactory(organisation=world.org, first_name="Zoë", last_name="Öztürk", department="Bakkerij")
    EmployeeFactory(organisation=world.org, first_name="Zoë", last_name="Jansen", department="Winkels")
    actor = resolve_actor(world.users["superuser"], "acme")  # type: ignore[arg-type]
    found = services.list_employees(actor=actor, search="zoË bakk")
    assert [e.last_name for e in found] == ["Öztürk"]
    employee = Employee.objects.get(last_name="Jansen")
    employee.department = "Bakkerij"
    employee.save()
    assert {e.last_name for e in services.list_employees(actor=actor, search="bakkerij")} == {
        "Öztürk",
        "Jansen",
    }


def test_an_imported_row_gets_the_forms_own_messages(world: World, client) -> None:  # type: ignore[no-untyped-def]
    """Hand-written: the messages the employee form gives for these values, each named by line."""
    client.cookies["django_language"] = "en"
    client.force_login(world.users["superuser"])
    bad = (
        "personeelsnummer;voornaam;achternaam;e-mail;mobiel;geboortedatum;in dienst;uit dienst\n"
        "2001;Sem;;sem@;12;31-02-1990;;\n"
        "2002;Lot;Smit;;;;01-05-2020;30-04-2020\n"
        "2003;Bo;Mol;;;01-01-2000;01-01-1999;\n"
    )
    report = upload(client, bad.encode()).context["job"].report
    assert report["errors"] == [
        [
            2,
            [
                "Last name: This field is required.",
                "E-mail: Enter a valid email address.",
                "Mobile number: Enter a valid mobile number, for example +31 6 12345678.",
                "Date of birth: Enter a valid date.",
            ],
        ],
        [3, ["Employment ended on: The end of employment cannot be before its start."]],
        [4, ["Date of birth: The date of birth must be before the start of employment."]],
    ]
    assert not Employee.objects.filter(employee_number__in=["2001", "2002", "2003"]).exists()


def test_the_csv_export_opens_in_dutch_excel_and_neutralises_formulas(world: World, client) -> None:  # type: ignore[no-untyped-def]
    EmployeeFactory(
        organisation=world.org,
        employee_number="=1+1",
        first_name="-Min",
        last_name="@Som",
        mobile="+31612345678",
        department="Inkoop",
    )
    client.force_login(world.users["superuser"])
    with TestCase.captureOnCommitCallbacks(execute=True):
        job_page = client.post("/o/acme/medewerkers/exporteren/", {"formaat": "csv"})
    download = client.get(job_page["Location"] + "downloaden/")
    assert download["Content-Type"].startswith("text/csv")
    assert download["Content-Disposition"].endswith('.csv"')
    content = b"".join(download.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, so Excel reads the accents right
    lines = content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("personeelsnummer;voornaam;tussenvoegsel;achternaam")
    assert "'=1+1;'-Min;;'@Som;" in lines[1] and ";'+31612345678;" in lines[1]


def test_exporting_is_a_post_never_a_link_a_prefetcher_could_follow(world: World, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users["superuser"])
    assert client.get("/o/acme/medewerkers/exporteren/").status_code == 405
    assert client.get("/o/acme/interventies/exporteren/").status_code == 405


def test_the_register_rows_show_name_department_and_whether_employed(world: World, client) -> None:  # type: ignore[no-untyped-def]
    import datetime

    EmployeeFactory(
        organisation=world.org, employee_number="R1", first_name="Jan", name_prefix="van", last_name="Dijk",
        department="Magazijn", employment_end=None,
    )  # fmt: skip
    EmployeeFactory(
        organisation=world.org, employee_number="R2", first_name="Els", name_prefix="", last_name="Bos",
        department="", employment_end=datetime.date(2026, 11, 30),
    )  # fmt: skip
    client.force_login(world.users["superuser"])
    client.cookies["django_language"] = "en"
    page = client.get("/o/acme/medewerkers/?toon=alle").content.decode()
    row = page[page.index(">R1<") :]
    assert "Jan van Dijk</a>" in row[:400] and ">Magazijn<" in row[:400] and ">yes<" in row[:400]
    row = page[page.index(">R2<") :]
    assert "Els Bos</a>" in row[:400] and ">–<" in row[:400] and "until 30-11-2026" in row[:400]
