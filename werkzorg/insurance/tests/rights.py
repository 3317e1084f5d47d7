"""The insurance app's URLs: outcome per persona and method, stated by hand (format: tests/rights.py).

Everything here is the collective insurance role's (the main account holder holds every role); no
other role sees any of it (403), nobody outside Acme has standing there (404). A search on the list is
posted and answered with a redirect to the list. A saved filter is its owner's alone: removing the
superuser's filter is a 404 for the insurance persona. Confirming another employer's wish to see a
contract is for the main account holder (the insurance persona gets 403 and cannot end that link: 404).
Pages with a form answer an empty POST with the
form again (200); actions without a body go back with a message (302).
"""

RIGHTS = """
url name                     method anon sup ins inv req rep abs umg oth prv phy desk
insurance:list               GET    302  200 200 403 403 403 403 403 404 404 403 404
insurance:list               POST   302  302 302 403 403 403 403 403 404 404 403 404
insurance:to-check           GET    302  200 200 403 403 403 403 403 404 404 403 404
insurance:to-check           POST   302  200 200 403 403 403 403 403 404 404 403 404
insurance:export             GET    302  405 405 403 403 403 403 403 404 404 403 404
insurance:export             POST   302  302 302 403 403 403 403 403 404 404 403 404
insurance:export-extended    GET    302  405 405 403 403 403 403 403 404 404 403 404
insurance:export-extended    POST   302  302 302 403 403 403 403 403 404 404 403 404
insurance:filter-save        GET    302  405 405 403 403 403 403 403 404 404 403 404
insurance:filter-save        POST   302  302 302 403 403 403 403 403 404 404 403 404
insurance:filter-delete      GET    302  405 405 403 403 403 403 403 404 404 403 404
insurance:filter-delete      POST   302  302 404 403 403 403 403 403 404 404 403 404
insurance:detail             GET    302  200 200 403 403 403 403 403 404 404 403 404
insurance:detail             POST   302  200 200 403 403 403 403 403 404 404 403 404
insurance:bsn                GET    302  405 405 403 403 403 403 403 404 404 403 404
insurance:bsn                POST   302  200 200 403 403 403 403 403 404 404 403 404
insurance:deregister         GET    302  200 200 403 403 403 403 403 404 404 403 404
insurance:deregister         POST   302  200 200 403 403 403 403 403 404 404 403 404
insurance:employee-number    GET    302  200 200 403 403 403 403 403 404 404 403 404
insurance:employee-number    POST   302  200 200 403 403 403 403 403 404 404 403 404
insurance:move               GET    302  200 200 403 403 403 403 403 404 404 403 404
insurance:move               POST   302  200 200 403 403 403 403 403 404 404 403 404
insurance:confirm            GET    302  405 405 403 403 403 403 403 404 404 403 404
insurance:confirm            POST   302  302 302 403 403 403 403 403 404 404 403 404
insurance:statements         GET    302  200 200 403 403 403 403 403 404 404 403 404
insurance:statements         POST   302  200 200 403 403 403 403 403 404 404 403 404
insurance:statement          GET    302  200 200 403 403 403 403 403 404 404 403 404
insurance:statement          POST   302  200 200 403 403 403 403 403 404 404 403 404
insurance:payroll            GET    302  200 200 403 403 403 403 403 404 404 403 404
insurance:payroll            POST   302  200 200 403 403 403 403 403 404 404 403 404
insurance:statement-pdf      GET    302  200 200 403 403 403 403 403 404 404 403 404
insurance:statement-pdf      POST   302  200 200 403 403 403 403 403 404 404 403 404
insurance:statement-xlsx     GET    302  200 200 403 403 403 403 403 404 404 403 404
insurance:statement-xlsx     POST   302  200 200 403 403 403 403 403 404 404 403 404
insurance:statement-csv      GET    302  200 200 403 403 403 403 403 404 404 403 404
insurance:statement-csv      POST   302  200 200 403 403 403 403 403 404 404 403 404
insurance:reconciliation     GET    302  200 200 403 403 403 403 403 404 404 403 404
insurance:reconciliation     POST   302  200 200 403 403 403 403 403 404 404 403 404
insurance:contracts          GET    302  200 200 403 403 403 403 403 404 404 403 404
insurance:contracts          POST   302  200 200 403 403 403 403 403 404 404 403 404
insurance:change-request     GET    302  200 200 403 403 403 403 403 404 404 403 404
insurance:change-request     POST   302  200 200 403 403 403 403 403 404 404 403 404
insurance:document           GET    302  200 200 403 403 403 403 403 404 404 403 404
insurance:document           POST   302  200 200 403 403 403 403 403 404 404 403 404
insurance:links              GET    302  200 200 403 403 403 403 403 404 404 403 404
insurance:links              POST   302  200 200 403 403 403 403 403 404 404 403 404
insurance:link-confirm       GET    302  405 403 403 403 403 403 403 404 404 403 404
insurance:link-confirm       POST   302  302 403 403 403 403 403 403 404 404 403 404
insurance:link-end           GET    302  405 405 403 403 403 403 403 404 404 403 404
insurance:link-end           POST   302  302 404 403 403 403 403 403 404 404 403 404
"""

# The API (people): the same two personas; a deregistration without a body is a 400.
RIGHTS += """
api:insured-list             GET    401  200 200 403 403 403 403 403 404 404 403 404
api:insured-list             POST   401  405 405 403 403 403 403 403 404 404 403 404
api:insured-detail           GET    401  200 200 403 403 403 403 403 404 404 403 404
api:insured-detail           POST   401  405 405 403 403 403 403 403 404 404 403 404
api:insured-mutations        GET    401  200 200 403 403 403 403 403 404 404 403 404
api:insured-mutations        POST   401  405 405 403 403 403 403 403 404 404 403 404
api:insured-deregister       GET    401  405 405 403 403 403 403 403 404 404 403 404
api:insured-deregister       POST   401  400 400 403 403 403 403 403 404 404 403 404
api:statement-list           GET    401  200 200 403 403 403 403 403 404 404 403 404
api:statement-list           POST   401  405 405 403 403 403 403 403 404 404 403 404
api:statement-detail         GET    401  200 200 403 403 403 403 403 404 404 403 404
api:statement-detail         POST   401  405 405 403 403 403 403 403 404 404 403 404
api:statement-lines          GET    401  200 200 403 403 403 403 403 404 404 403 404
api:statement-lines          POST   401  405 405 403 403 403 403 403 404 404 403 404
"""

# Machine clients (columns: tests/test_client_matrix.py): a client with the insurance role, and the
# operator-wide one serving Acme; no other role; another organisation's client does not see Acme.
CLIENT_RIGHTS = """
url name                     method ins req rep abs none oth prv opr
api:insured-list             GET    200 403 403 403 403  404 404  200
api:insured-list             POST   405 403 403 403 403  404 404  405
api:insured-detail           GET    200 403 403 403 403  404 404  200
api:insured-detail           POST   405 403 403 403 403  404 404  405
api:insured-mutations        GET    200 403 403 403 403  404 404  200
api:insured-mutations        POST   405 403 403 403 403  404 404  405
api:insured-deregister       GET    405 403 403 403 403  404 404  405
api:insured-deregister       POST   400 403 403 403 403  404 404  400
api:statement-list           GET    200 403 403 403 403  404 404  200
api:statement-list           POST   405 403 403 403 403  404 404  405
api:statement-detail         GET    200 403 403 403 403  404 404  200
api:statement-detail         POST   405 403 403 403 403  404 404  405
api:statement-lines          GET    200 403 403 403 403  404 404  200
api:statement-lines          POST   405 403 403 403 403  404 404  405
"""
