"""The portal's own URLs (format: tests/rights.py)."""

RIGHTS = """
url name      method anon sup ins inv req rep abs umg oth prv phy desk
# After sign-in: on to the organisation worked for last, or to the choice.
home          GET    302  302 302 302 302 302 302 302 302 302 302 302
home          POST   302  302 302 302 302 302 302 302 302 302 302 302
brand-css     GET    200  200 200 200 200 200 200 200 200 200 200 200
brand-css     POST   200  200 200 200 200 200 200 200 200 200 200 200
healthz       GET    200  200 200 200 200 200 200 200 200 200 200 200
healthz       POST   200  200 200 200 200 200 200 200 200 200 200 200
# The OpenAPI schema: signed-in users only.
api-schema    GET    401  200 200 200 200 200 200 200 200 200 200 200
api-schema    POST   401  405 405 405 405 405 405 405 405 405 405 405
"""


# Machine clients (columns: tests/test_client_matrix.py): the schema is published to every client.
CLIENT_RIGHTS = """
url name     method ins req rep abs none oth prv opr
api-schema   GET    200 200 200 200 200  200 200  200
api-schema   POST   405 405 405 405 405  405 405  405
"""
