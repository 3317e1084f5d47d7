"""The accounts app's URLs: outcome per persona and method, stated by hand (format: tests/rights.py)."""

RIGHTS = """
url name                           method anon sup ins inv req rep abs umg oth prv phy desk
# The invitation link is public (its id is the credential); registering needs the SMS code first.
accounts:invitation                GET    200  200 200 200 200 200 200 200 200 200 200 200
accounts:invitation                POST   200  200 200 200 200 200 200 200 200 200 200 200
accounts:invitation-register       GET    410  410 410 410 410 410 410 410 410 410 410 410
accounts:invitation-register       POST   410  410 410 410 410 410 410 410 410 410 410 410
accounts:session-expired           GET    200  200 200 200 200 200 200 200 200 200 200 200
accounts:session-expired           POST   200  200 200 200 200 200 200 200 200 200 200 200
accounts:session-keepalive         GET    302  405 405 405 405 405 405 405 405 405 405 405
accounts:session-keepalive         POST   302  204 204 204 204 204 204 204 204 204 204 204
accounts:profile                   GET    302  200 200 200 200 200 200 200 200 200 200 200
accounts:profile                   POST   302  200 200 200 200 200 200 200 200 200 200 200
# Everyone here has a second factor already, so the "set one up" page sends them on.
accounts:two-factor-required       GET    302  302 302 302 302 302 302 302 302 302 302 302
accounts:two-factor-required       POST   302  302 302 302 302 302 302 302 302 302 302 302
# Changing the phone asks to sign in again first.
accounts:change-phone              GET    302  302 302 302 302 302 302 302 302 302 302 302
accounts:change-phone              POST   302  302 302 302 302 302 302 302 302 302 302 302
# Users and invitations of Acme: those who see users; inviting and withdrawing: those who may invite.
accounts:users                     GET    302  200 403 403 403 403 403 200 404 404 403 404
accounts:users                     POST   302  200 403 403 403 403 403 200 404 404 403 404
accounts:invite                    GET    302  200 403 403 403 403 403 200 404 404 403 404
accounts:invite                    POST   302  200 403 403 403 403 403 200 404 404 403 404
accounts:invitation-resend         GET    302  405 403 403 403 403 403 405 404 404 403 404
accounts:invitation-resend         POST   302  302 403 403 403 403 403 302 404 404 403 404
accounts:invitation-revoke         GET    302  405 403 403 403 403 403 405 404 404 403 404
accounts:invitation-revoke         POST   302  302 403 403 403 403 403 302 404 404 403 404
# The API: who am I (any signed-in user; read only).
api:me                             GET    401  200 200 200 200 200 200 200 200 200 200 200
api:me                             POST   401  405 405 405 405 405 405 405 405 405 405 405
"""


# Machine clients (columns: tests/test_client_matrix.py). "Me" is a person's: a client is refused.
CLIENT_RIGHTS = """
url name   method ins req rep abs none oth prv opr
api:me     GET    403 403 403 403 403  403 403  403
api:me     POST   403 403 403 403 403  403 403  403
"""
