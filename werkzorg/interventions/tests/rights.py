"""The interventions app's URLs: outcome per persona and method, stated by hand (format: tests/rights.py).

The request in the world was made by the requester and forwarded to the provider: the requester and the
superuser see it, another requester (umg) and the physician do not (they see only their own). The care
provider's routes are asked in the provider's own organisation (see PROVIDER_ROUTES in world.py), where
nobody else has standing.
"""

RIGHTS = """
url name                                 method anon sup ins inv req rep abs umg oth prv phy desk
# The catalogue is public; the employee's links with a bad token are gone (410).
interventions:catalogue                  GET    200  200 200 200 200 200 200 200 200 200 200 200
interventions:catalogue                  POST   200  200 200 200 200 200 200 200 200 200 200 200
interventions:guide                      GET    200  200 200 200 200 200 200 200 200 200 200 200
interventions:guide                      POST   200  200 200 200 200 200 200 200 200 200 200 200
interventions:catalogue-detail           GET    200  200 200 200 200 200 200 200 200 200 200 200
interventions:catalogue-detail           POST   200  200 200 200 200 200 200 200 200 200 200 200
interventions:consent                    GET    410  410 410 410 410 410 410 410 410 410 410 410
interventions:consent                    POST   410  410 410 410 410 410 410 410 410 410 410 410
interventions:consent-withdraw           GET    410  410 410 410 410 410 410 410 410 410 410 410
interventions:consent-withdraw           POST   410  410 410 410 410 410 410 410 410 410 410 410
interventions:survey                     GET    410  410 410 410 410 410 410 410 410 410 410 410
interventions:survey                     POST   410  410 410 410 410 410 410 410 410 410 410 410
# Following requests: the superuser (all), the request role and the physician (their own).
interventions:list                       GET    302  200 403 403 200 403 403 200 404 404 200 404
interventions:list                       POST   302  200 403 403 200 403 403 200 404 404 200 404
interventions:export                     GET    302  405 403 403 405 403 403 405 404 404 405 404
interventions:export                     POST   302  302 403 403 302 403 403 302 404 404 302 404
interventions:detail                     GET    302  200 403 403 200 403 403 404 404 404 404 404
interventions:detail                     POST   302  200 403 403 200 403 403 404 404 404 404 404
# Requesting: the request role (Acme's superuser holds every role too) and the physician.
interventions:create                     GET    302  200 403 403 200 403 403 200 404 404 200 404
interventions:create                     POST   302  200 403 403 200 403 403 200 404 404 200 404
# Cancelling and deciding on extensions (POST only): the requester for their own, the superuser for all.
interventions:cancel                     GET    302  405 403 403 405 403 403 405 404 404 405 404
interventions:cancel                     POST   302  302 403 403 302 403 403 404 404 404 404 404
interventions:extension-approve          GET    302  405 403 403 405 403 403 405 404 404 405 404
interventions:extension-approve          POST   302  302 403 403 302 403 403 404 404 404 404 404
interventions:extension-reject           GET    302  405 403 403 405 403 403 405 404 404 405 404
interventions:extension-reject           POST   302  302 403 403 302 403 403 404 404 404 404 404
# The dashboard: the superuser and the reports role.
interventions:dashboard                  GET    302  200 403 403 403 200 403 403 404 404 403 404
interventions:dashboard                  POST   302  200 403 403 403 200 403 403 404 404 403 404
# The care provider's work (in its own organisation); each step is POST only and answers with a message.
interventions:worklist                   GET    302  404 404 404 404 404 404 404 404 200 404 404
interventions:worklist                   POST   302  404 404 404 404 404 404 404 404 200 404 404
interventions:worklist-detail            GET    302  404 404 404 404 404 404 404 404 200 404 404
interventions:worklist-detail            POST   302  404 404 404 404 404 404 404 404 200 404 404
interventions:worklist-gecontacteerd     GET    302  404 404 404 404 404 404 404 404 405 404 404
interventions:worklist-gecontacteerd     POST   302  404 404 404 404 404 404 404 404 302 404 404
interventions:worklist-afspraak          GET    302  404 404 404 404 404 404 404 404 405 404 404
interventions:worklist-afspraak          POST   302  404 404 404 404 404 404 404 404 302 404 404
interventions:worklist-afgerond          GET    302  404 404 404 404 404 404 404 404 405 404 404
interventions:worklist-afgerond          POST   302  404 404 404 404 404 404 404 404 302 404 404
interventions:worklist-verlenging        GET    302  404 404 404 404 404 404 404 404 405 404 404
interventions:worklist-verlenging        POST   302  404 404 404 404 404 404 404 404 302 404 404
interventions:appointment-aanwezig       GET    302  404 404 404 404 404 404 404 404 405 404 404
interventions:appointment-aanwezig       POST   302  404 404 404 404 404 404 404 404 302 404 404
interventions:appointment-niet-verschenen GET   302  404 404 404 404 404 404 404 404 405 404 404
interventions:appointment-niet-verschenen POST  302  404 404 404 404 404 404 404 404 302 404 404
interventions:appointment-annuleren      GET    302  404 404 404 404 404 404 404 404 405 404 404
interventions:appointment-annuleren      POST   302  404 404 404 404 404 404 404 404 302 404 404
# The API: the employer's requests, and the provider's work list in its own organisation.
api:intervention-list                    GET    401  200 403 403 200 403 403 200 404 404 200 404
api:intervention-list                    POST   401  405 403 403 405 403 403 405 404 404 405 404
api:worklist                             GET    401  404 404 404 404 404 404 404 404 200 404 404
api:worklist                             POST   401  404 404 404 404 404 404 404 404 405 404 404
"""


# Machine clients (columns: tests/test_client_matrix.py): requests for the request role; the work list
# for the care provider's own client (on the provider's route), nobody else.
CLIENT_RIGHTS = """
url name                   method ins req rep abs none oth prv opr
api:intervention-list      GET    403 200 403 403 403  404 404  200
api:intervention-list      POST   403 405 403 403 403  404 404  405
api:worklist               GET    404 404 404 404 404  404 200  404
api:worklist               POST   404 404 404 404 404  404 405  404
"""
