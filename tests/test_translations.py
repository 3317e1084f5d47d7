"""Dutch first: every UI string of ours has a Dutch translation, and the catalogue compiles."""

from pathlib import Path

import pytest
from django.utils import translation

CATALOGUE = Path(__file__).resolve().parents[1] / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def entries() -> list[str]:
    return CATALOGUE.read_text(encoding="utf-8").split("\n\n")[1:]


def test_every_string_has_a_dutch_translation() -> None:
    missing = [
        entry
        for entry in entries()
        if entry.rstrip().endswith('msgstr ""') or 'msgstr[0] ""' in entry or "#, fuzzy" in entry
    ]
    assert not missing, "Untranslated (run `make messages` and translate):\n" + "\n".join(missing)


@pytest.mark.parametrize(
    ("english", "dutch"), [("Employees", "Medewerkers"), ("Invite a user", "Gebruiker uitnodigen")]
)
def test_the_compiled_catalogue_is_used(english: str, dutch: str) -> None:
    with translation.override("nl"):
        assert translation.gettext(english) == dutch


def test_the_portal_speaks_dutch_unless_english_was_chosen(client, db) -> None:  # type: ignore[no-untyped-def]
    assert "Inloggen" in client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert "Sign In" in client.get("/accounts/login/").content.decode()
