"""The audit log of an organisation: its main account holder alone (format: tests/rights.py)."""

RIGHTS = """
url name      method anon sup ins inv req rep abs umg oth prv phy desk
audit:log     GET    302  200 403 403 403 403 403 403 404 404 403 404
audit:log     POST   302  200 403 403 403 403 403 403 404 404 403 404
"""
