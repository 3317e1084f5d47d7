"""Every write and audited read of the collective health insurance, by concern; import from here.

people: reading, registering, deregistering, employee numbers, moves; statements: issuing and reading;
invoices: central payment and reminders;
documents: downloads, payroll files, reconciliation; exports: the short and the extended list.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from werkzorg.access import Actor, Perm, require
from werkzorg.insurance.models import InsuranceContract, Statement
from werkzorg.insurance.premiums import month_start
from werkzorg.insurance.services.bsn import clean_bsn, reveal_bsn
from werkzorg.insurance.services.documents import (
    correction_premiums,
    download_statement,
    html_to_pdf,
    make_payroll_file,
    premium_mutations,
    prolongation_differences,
)
from werkzorg.insurance.services.exports import export_short_list, extended_list_job, short_list_job
from werkzorg.insurance.services.invoices import invoices, send_payment_reminders
from werkzorg.insurance.services.people import (
    NewPerson,
    change_employee_number,
    confirm_insured,
    deregister,
    earliest_allowed,
    enrol_family,
    move_insured,
)
from werkzorg.insurance.services.reading import (
    contract_of,
    contracts,
    family_of,
    get_contract,
    list_insured,
    person_page,
    read_insured,
    to_check,
)
from werkzorg.insurance.services.statements import (
    get_statement,
    issue_statement,
    policyholder_totals,
    statements,
)


@transaction.atomic(durable=True)
def issue_statement_now(*, actor: Actor, contract: InsuranceContract, month: datetime.date) -> Statement:
    """The desk issues a month's statement on demand (the scheduler does it every month)."""
    require(actor, Perm.DESK_INSURANCE)
    return issue_statement(actor=actor, contract=contract, month=month)


def issue_due_statements(today: datetime.date) -> list[Statement]:
    """The scheduler: this month's statement (or, paid centrally, invoice) for every running contract,
    each in its own transaction (one failing contract does not hold up the others)."""
    month = month_start(today)
    issued = []
    running = InsuranceContract.objects.select_related("collectivity__organisation").filter(
        start_date__lte=today
    )
    for contract in running:
        if contract.end_date and contract.end_date < month:
            continue
        with transaction.atomic(durable=True):
            issued.append(issue_statement(actor=None, contract=contract, month=month))
    return issued


__all__ = [
    "NewPerson",
    "change_employee_number",
    "clean_bsn",
    "confirm_insured",
    "contract_of",
    "contracts",
    "correction_premiums",
    "deregister",
    "download_statement",
    "earliest_allowed",
    "enrol_family",
    "export_short_list",
    "extended_list_job",
    "family_of",
    "get_contract",
    "get_statement",
    "html_to_pdf",
    "invoices",
    "issue_due_statements",
    "issue_statement",
    "issue_statement_now",
    "list_insured",
    "make_payroll_file",
    "move_insured",
    "person_page",
    "policyholder_totals",
    "premium_mutations",
    "prolongation_differences",
    "read_insured",
    "reveal_bsn",
    "send_payment_reminders",
    "short_list_job",
    "statements",
    "to_check",
]
