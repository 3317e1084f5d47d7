"""The warm-up before gunicorn forks compiles the portal's templates without touching the database."""

from werkzorg.core.warmup import warm


def test_warm_compiles_every_template_without_the_database() -> None:
    # No django_db mark: any query here would fail the test.
    assert warm() > 100
