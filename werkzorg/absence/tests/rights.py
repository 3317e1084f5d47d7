"""The absence app's URLs (format: tests/rights.py). The absence role (and the main account holder, who
holds every role) reports and manages files; the authorised physician sees files and the timeline and
alone reaches the medical pages, which no employer role, desk role or superuser flag opens; the reports
role sees the figures. Nobody outside Acme has standing (404). The employee's pages answer a bad link
with 410 Gone. Forms answer an empty POST with the form (200); actions go back with a message (302).
"""

RIGHTS = """
url name                     method anon sup ins inv req rep abs umg oth prv phy desk
absence:list                 GET    302  200 403 403 403 403 200 403 404 404 200 404
absence:list                 POST   302  200 403 403 403 403 200 403 404 404 200 404
absence:report               GET    302  200 403 403 403 403 200 403 404 404 403 404
absence:report               POST   302  200 403 403 403 403 200 403 404 404 403 404
absence:messages             GET    302  200 403 403 403 403 200 403 404 404 403 404
absence:messages             POST   302  200 403 403 403 403 200 403 404 404 403 404
absence:tasks                GET    302  200 403 403 403 403 200 403 404 404 200 404
absence:tasks                POST   302  200 403 403 403 403 200 403 404 404 200 404
absence:statistics           GET    302  200 403 403 403 200 403 403 404 404 403 404
absence:statistics           POST   302  200 403 403 403 200 403 403 404 404 403 404
absence:statistics-export    GET    302  200 403 403 403 200 403 403 404 404 403 404
absence:statistics-export    POST   302  200 403 403 403 200 403 403 404 404 403 404
absence:consult-status       GET    302  405 403 403 403 403 405 403 404 404 405 404
absence:consult-status       POST   302  302 403 403 403 403 302 403 404 404 302 404
absence:prevention-consult   GET    302  200 403 403 403 403 200 403 404 404 200 404
absence:prevention-consult   POST   302  200 403 403 403 403 200 403 404 404 200 404
absence:detail               GET    302  200 403 403 403 403 200 403 404 404 200 404
absence:detail               POST   302  200 403 403 403 403 200 403 404 404 200 404
absence:edit                 GET    302  200 403 403 403 403 200 403 404 404 403 404
absence:edit                 POST   302  200 403 403 403 403 200 403 404 404 403 404
absence:partial              GET    302  200 403 403 403 403 200 403 404 404 403 404
absence:partial              POST   302  200 403 403 403 403 200 403 404 404 403 404
absence:recovered            GET    302  200 403 403 403 403 200 403 404 404 403 404
absence:recovered            POST   302  200 403 403 403 403 200 403 404 404 403 404
absence:relapse              GET    302  200 403 403 403 403 200 403 404 404 403 404
absence:relapse              POST   302  200 403 403 403 403 200 403 404 404 403 404
absence:step                 GET    302  405 403 403 403 403 405 403 404 404 405 404
absence:step                 POST   302  302 403 403 403 403 302 403 404 404 302 404
absence:plan-new             GET    302  200 403 403 403 403 200 403 404 404 403 404
absence:plan-new             POST   302  200 403 403 403 403 200 403 404 404 403 404
absence:plan-sign            GET    302  405 403 403 403 403 405 403 404 404 403 404
absence:plan-sign            POST   302  302 403 403 403 403 302 403 404 404 403 404
absence:send-link            GET    302  405 403 403 403 403 405 403 404 404 403 404
absence:send-link            POST   302  302 403 403 403 403 302 403 404 404 403 404
absence:consult-new          GET    302  200 403 403 403 403 200 403 404 404 200 404
absence:consult-new          POST   302  200 403 403 403 403 200 403 404 404 200 404
absence:advice-new           GET    302  403 403 403 403 403 403 403 404 404 200 404
absence:advice-new           POST   302  403 403 403 403 403 403 403 404 404 200 404
absence:medical              GET    302  403 403 403 403 403 403 403 404 404 200 404
absence:medical              POST   302  403 403 403 403 403 403 403 404 404 200 404
absence:medical-export       GET    302  403 403 403 403 403 403 403 404 404 200 404
absence:medical-export       POST   302  403 403 403 403 403 403 403 404 404 200 404
absence:information-request  GET    302  403 403 403 403 403 403 403 404 404 200 404
absence:information-request  POST   302  403 403 403 403 403 403 403 404 404 200 404
absence:employee             GET    410  410 410 410 410 410 410 410 410 410 410 410
absence:employee             POST   410  410 410 410 410 410 410 410 410 410 410 410
absence:employee-copy        GET    410  410 410 410 410 410 410 410 410 410 410 410
absence:employee-copy        POST   410  410 410 410 410 410 410 410 410 410 410 410
absence:employee-sign        GET    405  405 405 405 405 405 405 405 405 405 405 405
absence:employee-sign        POST   410  410 410 410 410 410 410 410 410 410 410 410
"""

# The API: the absence role (and the main account holder); never medical; a report without a body is 400.
RIGHTS += """
api:absence-file-list        GET    401  200 403 403 403 403 200 403 404 404 403 404
api:absence-file-list        POST   401  405 403 403 403 403 405 403 404 404 403 404
api:absence-report           GET    401  405 403 403 403 403 405 403 404 404 403 404
api:absence-report           POST   401  400 403 403 403 403 400 403 404 404 403 404
api:absence-file-detail      GET    401  200 403 403 403 403 200 403 404 404 403 404
api:absence-file-detail      POST   401  405 403 403 403 403 405 403 404 404 403 404
api:absence-recovery         GET    401  405 403 403 403 403 405 403 404 404 403 404
api:absence-recovery         POST   401  400 403 403 403 403 400 403 404 404 403 404
api:absence-partial          GET    401  405 403 403 403 403 405 403 404 404 403 404
api:absence-partial          POST   401  400 403 403 403 403 400 403 404 404 403 404
"""

# Machine clients (columns: tests/test_client_matrix.py): a client with the absence role, and the
# operator-wide one serving Acme.
CLIENT_RIGHTS = """
url name                     method ins req rep abs none oth prv opr
api:absence-file-list        GET    403 403 403 200 403  404 404  200
api:absence-file-list        POST   403 403 403 405 403  404 404  405
api:absence-report           GET    403 403 403 405 403  404 404  405
api:absence-report           POST   403 403 403 400 403  404 404  400
api:absence-file-detail      GET    403 403 403 200 403  404 404  200
api:absence-file-detail      POST   403 403 403 405 403  404 404  405
api:absence-recovery         GET    403 403 403 405 403  404 404  405
api:absence-recovery         POST   403 403 403 400 403  404 404  400
api:absence-partial          GET    403 403 403 405 403  404 404  405
api:absence-partial          POST   403 403 403 400 403  404 404  400
"""
