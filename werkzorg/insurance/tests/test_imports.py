"""The desk's import of insured people: every bad row reported, nothing written unless all are good."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.personas import World
from werkzorg.access import desk_actor
from werkzorg.core.errors import DomainError
from werkzorg.core.tabular import read_table
from werkzorg.insurance.models import Coverage, InsuredPerson, Mutation, Relation
from werkzorg.insurance.services.imports import import_insured

pytestmark = pytest.mark.django_db
HEADER = (
    "polisnummer;relatie;polisnummer verzekeringnemer;voornaam;achternaam;geboortedatum;bsn;"
    "personeelsnummer;ingangsdatum;producten"
)
GOOD = [
    "600001;verzekeringnemer;;Daan;Bos;01-02-1980;111222333;4001;01-01-2026;BASIS,AV",
    "600002;partner;600001;Emma;Bos;1982-03-04;123456782;;01-01-2026;BASIS",
    "600003;kind;600001;Sem;Bos;10-10-2015;100000009;;01-01-2026;BASIS",
]


def _counts() -> tuple[int, int, int]:
    return InsuredPerson.objects.count(), Coverage.objects.count(), Mutation.objects.count()


def _run(world: World, content: bytes, name: str = "verzekerden.csv"):  # type: ignore[no-untyped-def]
    made = world.objects["contract"]
    if not made.prices.filter(product__code="AV").exists():  # type: ignore[attr-defined]
        from werkzorg.insurance.tests.factories import product

        made.prices.create(product=product("AV"), valid_from=made.start_date, monthly_premium="30.00")  # type: ignore[attr-defined]
    return import_insured(
        actor=desk_actor(world.users["desk"]),
        contract=made,
        table=read_table(SimpleUploadedFile(name, content)),
    )  # type: ignore[arg-type]


def test_a_good_file_registers_the_family_with_products_and_mutations(world: World) -> None:
    before = _counts()
    report = _run(world, "\n".join([HEADER, *GOOD]).encode())
    assert report.ok and report.created == 3
    holder = InsuredPerson.objects.get(policy_number="600001")
    assert holder.relation == Relation.POLICYHOLDER and holder.confirmed_at is None  # waits for the employer
    assert sorted(holder.family.values_list("policy_number", flat=True)) == ["600002", "600003"]
    assert _counts() == (before[0] + 3, before[1] + 4, before[2] + 3)
    assert "111222333" not in holder.bsn_encrypted


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (["600001;verzekeringnemer;;Daan;Bos;31-02-1980;111222333;;01-01-2026;BASIS"], "date"),
        (["600001;verzekeringnemer;;Daan;Bos;01-02-1980;123456789;;01-01-2026;BASIS"], "BSN"),
        ([GOOD[0], GOOD[0].replace("111222333", "123456782")], "600001"),
        (["600002;partner;699999;Emma;Bos;1982-03-04;123456782;;01-01-2026;BASIS"], "policyholder"),
        (["600001;neef;;Daan;Bos;01-02-1980;111222333;;01-01-2026;BASIS"], "Relation"),
        (["600001;verzekeringnemer;;Daan;Bos;01-02-1980;111222333;;01-01-2026;GOUD"], "GOUD"),
    ],
)
def test_a_bad_row_is_reported_and_nothing_is_written(
    world: World, english: None, rows: list[str], expected: str
) -> None:
    before = _counts()
    report = _run(world, "\n".join([HEADER, *GOOD[1:], *rows]).encode())
    assert not report.ok
    assert any(expected in message for error in report.errors for message in error.messages), report.errors
    assert _counts() == before


def test_missing_columns_are_named(world: World, english: None) -> None:
    report = _run(world, b"polisnummer;voornaam\n1;Daan\n")
    assert not report.ok and "achternaam" in report.errors[0].messages[0]
    assert InsuredPerson.objects.filter(policy_number="1").count() == 0


def test_utf16_is_read_and_a_zip_bomb_is_refused(world: World) -> None:
    report = _run(world, ("\n".join([HEADER, *GOOD])).encode("utf-16"))
    assert report.ok and report.created == 3
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (300 * 1024 * 1024))
    before = _counts()
    with pytest.raises(DomainError):
        _run(world, buffer.getvalue(), name="bom.xlsx")
    assert _counts() == before
