"""Pages of the collective health insurance: people and mutations (people.py), statements and
reconciliation (statements.py), contracts (contracts.py)."""
