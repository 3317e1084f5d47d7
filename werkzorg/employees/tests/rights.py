"""The employees app's URLs: outcome per persona and method, stated by hand (format: tests/rights.py).

The register with contact details and dates of birth: the superuser, the insurance and absence roles.
Picking a person by name and number (to request care): those, the request role and the physician.
A search is posted (never in the URL): the page answers a POST with a redirect to itself.
The API adds a person by POST (the roles that manage the register): an empty body is a 400.
"""

RIGHTS = """
url name                 method anon sup ins inv req rep abs umg oth prv phy desk
employees:list           GET    302  200 200 403 403 403 200 403 404 404 403 404
employees:list           POST   302  302 302 403 403 403 302 403 404 404 403 404
employees:lookup         GET    302  200 200 403 200 403 200 200 404 404 200 404
employees:lookup         POST   302  200 200 403 200 403 200 200 404 404 200 404
employees:detail         GET    302  200 200 403 403 403 200 403 404 404 403 404
employees:detail         POST   302  200 200 403 403 403 200 403 404 404 403 404
employees:create         GET    302  200 200 403 403 403 200 403 404 404 403 404
employees:create         POST   302  200 200 403 403 403 200 403 404 404 403 404
employees:import         GET    302  200 200 403 403 403 200 403 404 404 403 404
employees:import         POST   302  200 200 403 403 403 200 403 404 404 403 404
employees:export         GET    302  405 405 403 403 403 405 403 404 404 403 404
employees:export         POST   302  302 302 403 403 403 302 403 404 404 403 404
employees:edit           GET    302  200 200 403 403 403 200 403 404 404 403 404
employees:edit           POST   302  200 200 403 403 403 200 403 404 404 403 404
employees:end            GET    302  200 200 403 403 403 200 403 404 404 403 404
employees:end            POST   302  200 200 403 403 403 200 403 404 404 403 404
api:employee-list        GET    401  200 200 403 403 403 200 403 404 404 403 404
api:employee-list        POST   401  400 400 403 403 403 400 403 404 404 403 404
api:employee-detail      GET    401  200 200 403 403 403 200 403 404 404 403 404
api:employee-detail      POST   401  405 405 403 403 403 405 403 404 404 403 404
"""


# Machine clients (columns: tests/test_client_matrix.py): the register for the insurance and absence
# roles, as for people; another organisation's client does not see Acme (404).
CLIENT_RIGHTS = """
url name                 method ins req rep abs none oth prv opr
api:employee-list        GET    200 403 403 200 403  404 404  200
api:employee-list        POST   400 403 403 400 403  404 404  400
api:employee-detail      GET    200 403 403 200 403  404 404  200
api:employee-detail      POST   405 403 403 405 403  404 404  405
"""
