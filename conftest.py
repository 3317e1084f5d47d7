"""Shared pytest fixtures for the app tests (werkzorg/*/tests) and the project tests (tests/)."""

pytest_plugins = ["tests.fixtures"]
