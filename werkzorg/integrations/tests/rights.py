"""The integrations app's URLs: outcome per persona and method, stated by hand (format: tests/rights.py).

Registering and revoking API clients is the main account holder's (superuser) work only; members of
Acme without it are refused (403), everyone else does not see Acme (404). The token endpoint is
public and takes POST only: without credentials it answers 400 (OAuth 2.0 `invalid_request`). The
API documentation is for anyone signed in.
"""

RIGHTS = """
url name                method anon sup ins inv req rep abs umg oth prv phy desk
integrations:clients    GET    302  200 403 403 403 403 403 403 404 404 403 404
integrations:clients    POST   302  200 403 403 403 403 403 403 404 404 403 404
integrations:revoke     GET    302  405 403 403 403 403 403 403 404 404 403 404
integrations:revoke     POST   302  302 403 403 403 403 403 403 404 404 403 404
integrations:operator-remove GET  302  405 403 403 403 403 403 403 404 404 403 404
integrations:operator-remove POST 302  302 403 403 403 403 403 403 404 404 403 404
integrations:token      GET    405  405 405 405 405 405 405 405 405 405 405 405
integrations:token      POST   400  400 400 400 400 400 400 400 400 400 400 400
integrations:docs       GET    302  200 200 200 200 200 200 200 200 200 200 200
integrations:docs       POST   302  405 405 405 405 405 405 405 405 405 405 405
# Webhooks belong to an API client: a person with standing in Acme is refused (403), others see no Acme.
api:webhook-list        GET    401  403 403 403 403 403 403 403 404 404 403 404
api:webhook-list        POST   401  403 403 403 403 403 403 403 404 404 403 404
api:webhook-detail      GET    401  403 403 403 403 403 403 403 404 404 403 404
api:webhook-detail      POST   401  403 403 403 403 403 403 403 404 404 403 404
api:webhook-deliveries  GET    401  403 403 403 403 403 403 403 404 404 403 404
api:webhook-deliveries  POST   401  403 403 403 403 403 403 403 404 404 403 404
api:webhook-events      GET    401  200 200 200 200 200 200 200 200 200 200 200
api:webhook-events      POST   401  405 405 405 405 405 405 405 405 405 405 405
"""

# Machine clients (columns: tests/test_client_matrix.py). Every client of Acme manages its own
# subscriptions; the world's subscription is another client's, so a 404 for each of them.
CLIENT_RIGHTS = """
url name                method ins req rep abs none oth prv opr
api:webhook-list        GET    200 200 200 200 200  404 404  200
api:webhook-list        POST   400 400 400 400 400  404 404  400
api:webhook-detail      GET    404 404 404 404 404  404 404  404
api:webhook-detail      POST   405 405 405 405 405  404 404  405
api:webhook-deliveries  GET    404 404 404 404 404  404 404  404
api:webhook-deliveries  POST   405 405 405 405 405  404 404  405
api:webhook-events      GET    200 200 200 200 200  200 200  200
api:webhook-events      POST   405 405 405 405 405  405 405  405
"""
