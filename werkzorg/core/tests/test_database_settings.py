"""The PostgreSQL connection as production gets it (config/settings/base.py, docs/operations.md)."""

import pytest
from django.db import connection

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own settings")


@pytest.mark.django_db
def test_statements_are_prepared_and_never_jit_compiled() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
    options = connection.settings_dict["OPTIONS"]
    assert (options["server_side_binding"], options["prepare_threshold"]) == (True, 5)
