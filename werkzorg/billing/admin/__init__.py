"""The desk's side of billing, one module per concern; every decision goes through the services."""

from werkzorg.billing.admin import contracts, declarations, invoices, statements

__all__ = ["contracts", "declarations", "invoices", "statements"]
