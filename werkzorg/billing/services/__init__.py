"""Every write and audited read of billing, by concern; import from here.

declarations and budget: the vitality budget and invoices the employer paid itself; invoices: the care
provider's invoices and claims at the employee's insurer; payments: the desk's decisions and SEPA runs;
statements: the quarterly collective statement; quotes: extra work under a fixed fee.
"""

from werkzorg.billing.services.budget import BudgetOverview, budget_overview, used_in
from werkzorg.billing.services.declarations import (
    DECLARE_BACK_DAYS,
    Invoice,
    decide,
    declaration_file,
    declarations,
    declare,
)
from werkzorg.billing.services.files import MAX_INVOICE_BYTES, check_pdf
from werkzorg.billing.services.invoices import (
    InvoiceDraft,
    ThirdPartyCost,
    agreed_sessions,
    claim_consent,
    invoice_file,
    invoiceable_requests,
    open_appointments,
    provider_invoice,
    provider_invoices,
    record_claim_consent,
    record_claim_outcome,
    requests_to_invoice,
    submit_invoice,
)
from werkzorg.billing.services.payments import (
    correct_after_approval,
    correct_line,
    decide_invoice,
    export_payments,
    mark_batch_paid,
    providers_without_account,
)
from werkzorg.billing.services.quotes import decide_quote, make_quote, mark_delivered, quotes
from werkzorg.billing.services.statement_files import (
    issued_statements,
    mark_statement_paid,
    statement_detail,
    statement_file,
    statement_lines,
    totals_per_payer,
)
from werkzorg.billing.services.statements import issue_quarter, organisations_to_bill

__all__ = [
    "DECLARE_BACK_DAYS",
    "MAX_INVOICE_BYTES",
    "BudgetOverview",
    "Invoice",
    "InvoiceDraft",
    "ThirdPartyCost",
    "agreed_sessions",
    "budget_overview",
    "check_pdf",
    "claim_consent",
    "correct_after_approval",
    "correct_line",
    "decide",
    "decide_invoice",
    "decide_quote",
    "declaration_file",
    "declarations",
    "declare",
    "export_payments",
    "invoice_file",
    "invoiceable_requests",
    "issue_quarter",
    "issued_statements",
    "make_quote",
    "mark_batch_paid",
    "mark_delivered",
    "mark_statement_paid",
    "open_appointments",
    "organisations_to_bill",
    "provider_invoice",
    "provider_invoices",
    "providers_without_account",
    "quotes",
    "record_claim_consent",
    "record_claim_outcome",
    "requests_to_invoice",
    "statement_detail",
    "statement_file",
    "statement_lines",
    "submit_invoice",
    "totals_per_payer",
    "used_in",
]
