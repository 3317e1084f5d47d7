"""The organisations app's URLs: outcome per persona and method, stated by hand (format: tests/rights.py)."""

RIGHTS = """
url name                           method anon sup ins inv req rep abs umg oth prv phy desk
# Choosing an organisation: with one you go straight there; the physician works for two, the desk for none.
organisations:choose               GET    302  302 302 302 302 302 302 302 302 302 200 200
organisations:choose               POST   302  302 302 302 302 302 302 302 302 302 200 200
# Switching (POST only) to no organisation at all finds nothing.
organisations:switch               GET    302  405 405 405 405 405 405 405 405 405 405 405
organisations:switch               POST   302  404 404 404 404 404 404 404 404 404 404 404
# Acme's home: everyone with standing in Acme (members and the authorised physician).
organisations:home                 GET    302  200 200 200 200 200 200 200 404 404 200 404
organisations:home                 POST   302  200 200 200 200 200 200 200 404 404 200 404
# A member's rights: those who see users; saving needs a right to assign (the empty form is shown again).
organisations:rights               GET    302  200 403 403 403 403 403 200 404 404 403 404
organisations:rights               POST   302  200 403 403 403 403 403 200 404 404 403 404
# Removing a member (POST only): those who may invite and remove users.
organisations:remove               GET    302  405 403 403 403 403 403 405 404 404 403 404
organisations:remove               POST   302  302 403 403 403 403 403 302 404 404 403 404
# Physicians: the main account holder alone.
organisations:physicians           GET    302  200 403 403 403 403 403 403 404 404 403 404
organisations:physicians           POST   302  200 403 403 403 403 403 403 404 404 403 404
organisations:physician-authorise  GET    302  405 403 403 403 403 403 403 404 404 403 404
organisations:physician-authorise  POST   302  302 403 403 403 403 403 403 404 404 403 404
organisations:physician-revoke     GET    302  405 403 403 403 403 403 403 404 404 403 404
organisations:physician-revoke     POST   302  302 403 403 403 403 403 403 404 404 403 404
# The terms page stays open to everyone with standing, even while the terms are outstanding.
organisations:terms                GET    302  200 200 200 200 200 200 200 404 404 200 404
organisations:terms                POST   302  200 200 200 200 200 200 200 404 404 200 404
"""
