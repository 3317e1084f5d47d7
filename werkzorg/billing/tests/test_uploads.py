"""Uploads of an original invoice, in the portal and through the API: a file that is not a PDF, a file over
10 MB and a name with path characters each get a clear message, and nothing is stored."""

from __future__ import annotations

import base64
import zoneinfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.personas import World
from werkzorg.billing.models import ProviderInvoice
from werkzorg.billing.tests.pdfs import invoice_pdf
from werkzorg.interventions.models import Appointment

pytestmark = pytest.mark.django_db
AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def ready(full_world: World) -> World:
    appointment = full_world.objects["appointment"]
    Appointment.objects.filter(pk=appointment.pk).update(status="no_show", chargeable=True)  # type: ignore[attr-defined]
    return full_world


def provider_client(world: World) -> Client:
    client = Client()
    client.force_login(world.users["provider"])  # type: ignore[arg-type]
    return client


BIG = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024)
CASES = [
    ("factuur.pdf", b"MZ\x90\x00 not a pdf", "Upload de factuur als PDF-bestand."),
    ("factuur.pdf", b"%PDF-1.4 looks like one but is not", "Upload de factuur als PDF-bestand."),
    ("factuur.pdf", BIG, "Het bestand is groter dan 10 MB."),
    ("..\\..\\factuur.pdf", None, "Geef het bestand een andere naam"),
]
# The browser sends a bare name and Django drops any directory part; other characters a file system
# may choke on reach the check.
PORTAL_CASES = [*CASES[:3], ("fac|tuur<1>.pdf", None, "Geef het bestand een andere naam")]


@pytest.mark.parametrize(("name", "content", "said"), PORTAL_CASES)
def test_the_portal_refuses_the_upload_with_a_message_and_stores_nothing(
    ready: World, name, content, said
) -> None:
    world = ready
    before = ProviderInvoice.objects.count()
    answer = provider_client(world).post(
        f"/o/care/facturen/nieuw/{world.objects['request'].pk}/",  # type: ignore[attr-defined]
        {
            "number": "U-1",
            "invoice_date": "2026-11-30",
            "appointments": [str(world.objects["appointment"].pk)],  # type: ignore[attr-defined]
            "file": SimpleUploadedFile(
                name, content if content is not None else invoice_pdf(), "application/pdf"
            ),
        },
    )
    assert answer.status_code == 200
    assert said in answer.content.decode()
    assert ProviderInvoice.objects.count() == before


@pytest.mark.parametrize(("name", "content", "said"), CASES)
def test_the_api_refuses_the_upload_with_a_message_and_stores_nothing(
    ready: World, name, content, said
) -> None:
    world = ready
    before = ProviderInvoice.objects.count()
    answer = provider_client(world).post(
        "/api/v1/o/care/facturen/",
        {
            "request_id": world.objects["request"].pk,  # type: ignore[attr-defined]
            "number": "U-1",
            "invoice_date": "2026-11-30",
            "file_name": name,
            "file_base64": base64.b64encode(content if content is not None else invoice_pdf()).decode(),
            "appointments": [world.objects["appointment"].pk],  # type: ignore[attr-defined]
        },
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert answer.status_code == 400, answer.content
    assert said in answer.content.decode()
    assert ProviderInvoice.objects.count() == before


def test_a_good_upload_is_stored_and_shown(ready: World) -> None:
    world = ready
    client = provider_client(world)
    answer = client.post(
        f"/o/care/facturen/nieuw/{world.objects['request'].pk}/",  # type: ignore[attr-defined]
        {
            "number": "U-2",
            "invoice_date": "2026-11-30",
            "appointments": [str(world.objects["appointment"].pk)],  # type: ignore[attr-defined]
            "file": SimpleUploadedFile("factuur U-2.pdf", invoice_pdf("U-2"), "application/pdf"),
        },
        follow=True,
    )
    made = ProviderInvoice.objects.get(number="U-2")
    assert answer.redirect_chain[-1][0] == f"/o/care/facturen/{made.pk}/"
    assert bytes(made.file) == invoice_pdf("U-2") and made.file_name == "factuur U-2.pdf"
    downloaded = client.get(f"/o/care/facturen/{made.pk}/pdf/")
    assert downloaded.content == bytes(made.file)
