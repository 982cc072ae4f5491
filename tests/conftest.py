from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck
from hypothesis import settings

import azfn as func

pytest_plugins = ["pytester"]

# Hypothesis profiles (pick one with --hypothesis-profile=NAME):
# - "ci": the landing gate. The same examples every run (derandomize), so a
#   submission cannot fail on a draw no earlier run made; chosen when the
#   CI environment variable is set (.ci/run sets it).
# - "thorough": many more random examples, to hunt for rare failures
#   before a release: `pytest --hypothesis-profile=thorough`.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile(
    "thorough",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def app() -> func.FunctionApp:
    """A fresh app with anonymous HTTP functions."""
    return func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)
