"""Background jobs: everyone with standing has a list of their own; a job is its starter's alone.

The world's job was started by Acme's superuser, so for everyone else in Acme it does not exist (404).
"""

RIGHTS = """
url name          method anon sup ins inv req rep abs umg oth prv phy desk
jobs:list         GET    302  200 200 200 200 200 200 200 404 404 200 404
jobs:list         POST   302  200 200 200 200 200 200 200 404 404 200 404
jobs:detail       GET    302  200 404 404 404 404 404 404 404 404 404 404
jobs:detail       POST   302  200 404 404 404 404 404 404 404 404 404 404
jobs:download     GET    302  200 404 404 404 404 404 404 404 404 404 404
jobs:download     POST   302  200 404 404 404 404 404 404 404 404 404 404
"""
