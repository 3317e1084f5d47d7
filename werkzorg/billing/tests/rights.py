"""The billing app's URLs (format: tests/rights.py). Declarations are the declare role's (the main account
holder holds every role); the vitality budget is for the reports role; nobody outside Acme has standing
(404), no other role reaches them (403). The desk decides in its admin (tested separately)."""

RIGHTS = """
url name                     method anon sup ins inv req rep abs umg oth prv phy desk
billing:declarations         GET    302  200 403 200 403 403 403 403 404 404 403 404
billing:declarations         POST   302  200 403 200 403 403 403 403 404 404 403 404
billing:declaration-new      GET    302  200 403 200 403 403 403 403 404 404 403 404
billing:declaration-new      POST   302  200 403 200 403 403 403 403 404 404 403 404
billing:declaration-file     GET    302  200 403 200 403 403 403 403 404 404 403 404
billing:declaration-file     POST   302  200 403 200 403 403 403 403 404 404 403 404
billing:budget               GET    302  200 403 403 403 200 403 403 404 404 403 404
billing:budget               POST   302  200 403 403 403 200 403 403 404 404 403 404
"""
