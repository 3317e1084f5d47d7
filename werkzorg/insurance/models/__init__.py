"""The insurance app's models, by concern: people and mutations, statements and invoices, requests."""

from werkzorg.insurance.models.people import (
    PREMIUM_KINDS,
    ContractDocument,
    ContractPartQuerySet,
    ContractPrice,
    Coverage,
    InsuranceContract,
    InsuranceEvent,
    InsuredPerson,
    InsuredQuerySet,
    Mutation,
    MutationKind,
    PaymentMethod,
    Product,
    ProductKind,
    Relation,
)
from werkzorg.insurance.models.requests import ChangeRequest, ChangeRequestStatus, ContractLink, SavedFilter
from werkzorg.insurance.models.statements import (
    LineKind,
    PremiumInvoice,
    Statement,
    StatementLine,
    StatementQuerySet,
)

__all__ = [
    "PREMIUM_KINDS",
    "ChangeRequest",
    "ChangeRequestStatus",
    "ContractDocument",
    "ContractLink",
    "ContractPartQuerySet",
    "ContractPrice",
    "Coverage",
    "InsuranceContract",
    "InsuranceEvent",
    "InsuredPerson",
    "InsuredQuerySet",
    "LineKind",
    "Mutation",
    "MutationKind",
    "PaymentMethod",
    "PremiumInvoice",
    "Product",
    "ProductKind",
    "Relation",
    "SavedFilter",
    "Statement",
    "StatementLine",
    "StatementQuerySet",
]
