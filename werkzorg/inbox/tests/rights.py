"""The inbox's URLs (format: tests/rights.py): the main account holder and the insurance role, whose
statements, invoices and reminders arrive there; nobody outside Acme (404); no other role (403)."""

RIGHTS = """
url name            method anon sup  ins  inv  req  rep  abs  umg  oth  prv  phy  desk
inbox:list          GET    302  200  200  403  403  403  403  403  404  404  403  404
inbox:list          POST   302  200  200  403  403  403  403  403  404  404  403  404
inbox:badge         GET    302  200  200  403  403  403  403  403  404  404  403  404
inbox:badge         POST   302  200  200  403  403  403  403  403  404  404  403  404
inbox:mark-all-read GET    302  405  405  403  403  403  403  403  404  404  403  404
inbox:mark-all-read POST   302  302  302  403  403  403  403  403  404  404  403  404
inbox:detail        GET    302  200  200  403  403  403  403  403  404  404  403  404
inbox:detail        POST   302  200  200  403  403  403  403  403  404  404  403  404
inbox:download      GET    302  200  200  403  403  403  403  403  404  404  403  404
inbox:download      POST   302  200  200  403  403  403  403  403  404  404  403  404
"""
