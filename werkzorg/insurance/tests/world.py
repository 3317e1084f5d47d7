"""The insurance app's objects in the test world: in each employer a contract, an insured person, an
issued statement, a contract document and a saved filter (the superuser's)."""

import datetime

from tests.personas import World
from werkzorg.insurance.models import ContractDocument, ContractLink, SavedFilter
from werkzorg.insurance.services.statements import issue_statement
from werkzorg.insurance.tests.factories import contract, insured

PLACEHOLDERS = {
    "<int:insured_id>": "insured",
    "<int:statement_id>": "statement",
    "<int:contract_id>": "contract",
    "<int:document_id>": "contract_document",
    "<int:filter_id>": "saved_filter",
    "<int:link_id>": "contract_link",
}


def extend(world: World) -> None:
    for prefix, org, owner in (
        ("", world.org, world.users["superuser"]),
        ("other_", world.other_org, world.users["other_superuser"]),
    ):
        made = contract(org)
        world.objects[f"{prefix}contract"] = made
        world.objects[f"{prefix}insured"] = insured(made)
        world.objects[f"{prefix}statement"] = issue_statement(
            actor=None, contract=made, month=datetime.date(2026, 1, 1)
        )
        world.objects[f"{prefix}contract_document"] = ContractDocument.objects.create(
            contract=made,
            title="Voorwaarden",
            year=2026,
            content=b"%PDF-1.4 test",
            filename="voorwaarden.pdf",
        )
        world.objects[f"{prefix}saved_filter"] = SavedFilter.objects.create(
            organisation=org, user=owner, name="Uit dienst", query="status=left"
        )
    # Globex asks to see Acme's contract (Acme's superuser may confirm); the other one is Globex's own.
    world.objects["contract_link"] = ContractLink.objects.create(
        organisation=world.other_org,
        collectivity=world.objects["contract"].collectivity,  # type: ignore[attr-defined]
        requested_by=world.users["other_superuser"],
    )
    world.objects["other_contract_link"] = ContractLink.objects.create(
        organisation=world.other_org,
        collectivity=world.objects["other_contract"].collectivity,  # type: ignore[attr-defined]
        requested_by=world.users["other_superuser"],
    )
