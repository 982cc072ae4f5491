from __future__ import annotations

import pytest

import azfn as func

pytest_plugins = ["pytester"]


@pytest.fixture
def app() -> func.FunctionApp:
    """A fresh app with anonymous HTTP functions."""
    return func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)
