"""The billing app's URLs (format: tests/rights.py). Declarations are the declare role's (the main account
holder holds every role); the vitality budget is for the reports role; collective statements and quotes are
the main account holder's alone (seed: "als enige gebruiker"); nobody outside Acme has standing (404), no
other role reaches them (403). The care provider's invoices are asked in its own organisation (PROVIDER_ROUTES
in world.py), where nobody else has standing. The desk works in its admin (tested separately). A machine
client holds roles only, so no client reads statements."""

RIGHTS = """
url name                       method anon sup ins inv req rep abs umg oth prv phy desk
billing:declarations           GET    302  200 403 200 403 403 403 403 404 404 403 404
billing:declarations           POST   302  200 403 200 403 403 403 403 404 404 403 404
billing:declaration-new        GET    302  200 403 200 403 403 403 403 404 404 403 404
billing:declaration-new        POST   302  200 403 200 403 403 403 403 404 404 403 404
billing:declaration-file       GET    302  200 403 200 403 403 403 403 404 404 403 404
billing:declaration-file       POST   302  200 403 200 403 403 403 403 404 404 403 404
billing:budget                 GET    302  200 403 403 403 200 403 403 404 404 403 404
billing:budget                 POST   302  200 403 403 403 200 403 403 404 404 403 404
billing:statements             GET    302  200 403 403 403 403 403 403 404 404 403 404
billing:statements             POST   302  200 403 403 403 403 403 403 404 404 403 404
billing:statement              GET    302  200 403 403 403 403 403 403 404 404 403 404
billing:statement              POST   302  200 403 403 403 403 403 403 404 404 403 404
billing:statement-pdf          GET    302  200 403 403 403 403 403 403 404 404 403 404
billing:statement-pdf          POST   302  200 403 403 403 403 403 403 404 404 403 404
billing:statement-excel        GET    302  405 403 403 403 403 403 403 404 404 403 404
billing:statement-excel        POST   302  302 403 403 403 403 403 403 404 404 403 404
billing:quote-decide           GET    302  405 403 403 403 403 403 403 404 404 403 404
billing:quote-decide           POST   302  302 403 403 403 403 403 403 404 404 403 404
# The care provider's invoices, in its own organisation.
billing:provider-invoices      GET    302  404 404 404 404 404 404 404 404 200 404 404
billing:provider-invoices      POST   302  404 404 404 404 404 404 404 404 200 404 404
billing:provider-invoice       GET    302  404 404 404 404 404 404 404 404 200 404 404
billing:provider-invoice       POST   302  404 404 404 404 404 404 404 404 200 404 404
billing:provider-invoice-file  GET    302  404 404 404 404 404 404 404 404 200 404 404
billing:provider-invoice-file  POST   302  404 404 404 404 404 404 404 404 200 404 404
billing:provider-claim-outcome GET    302  404 404 404 404 404 404 404 404 405 404 404
billing:provider-claim-outcome POST   302  404 404 404 404 404 404 404 404 302 404 404
billing:provider-invoice-new   GET    302  404 404 404 404 404 404 404 404 200 404 404
billing:provider-invoice-new   POST   302  404 404 404 404 404 404 404 404 200 404 404
billing:provider-claim-consent GET    302  404 404 404 404 404 404 404 404 405 404 404
billing:provider-claim-consent POST   302  404 404 404 404 404 404 404 404 302 404 404
# The API: the budget for the reports role, statements for the main account holder, invoices for providers.
api:billing-budget             GET    401  200 403 403 403 200 403 403 404 404 403 404
api:billing-budget             POST   401  405 403 403 403 405 403 403 404 404 403 404
api:billing-statement-list     GET    401  200 403 403 403 403 403 403 404 404 403 404
api:billing-statement-list     POST   401  405 403 403 403 403 403 403 404 404 403 404
api:billing-statement-detail   GET    401  200 403 403 403 403 403 403 404 404 403 404
api:billing-statement-detail   POST   401  405 403 403 403 403 403 403 404 404 403 404
api:billing-invoice-list       GET    401  404 404 404 404 404 404 404 404 200 404 404
api:billing-invoice-list       POST   401  404 404 404 404 404 404 404 404 400 404 404
api:billing-invoice-detail     GET    401  404 404 404 404 404 404 404 404 200 404 404
api:billing-invoice-detail     POST   401  404 404 404 404 404 404 404 404 405 404 404
"""

# Machine clients (tests/test_client_matrix.py): the budget for the reports role; a client never holds the
# main account holder's rights, so no client reads statements; a care provider's client its own invoices.
CLIENT_RIGHTS = """
url name                     method ins req rep abs none oth prv opr
api:billing-budget           GET    403 403 200 403 403  404 404  200
api:billing-budget           POST   403 403 405 403 403  404 404  405
api:billing-statement-list   GET    403 403 403 403 403  404 404  403
api:billing-statement-list   POST   403 403 403 403 403  404 404  403
api:billing-statement-detail GET    403 403 403 403 403  404 404  403
api:billing-statement-detail POST   403 403 403 403 403  404 404  403
api:billing-invoice-list     GET    404 404 404 404 404  404 200  404
api:billing-invoice-list     POST   404 404 404 404 404  404 400  404
api:billing-invoice-detail   GET    404 404 404 404 404  404 200  404
api:billing-invoice-detail   POST   404 404 404 404 404  404 405  404
"""
