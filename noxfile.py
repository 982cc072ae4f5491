"""Development sessions: ``nox`` runs tests, lint and typing; ``nox -s bench`` the benchmarks."""

from __future__ import annotations

import nox

nox.needs_version = ">=2024.4.15"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["tests", "lint", "typing", "docs"]

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run the test suite on every supported Python found."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check formatting and lint with ruff."""
    session.install("ruff")
    session.run("ruff", "format", "--check", ".")
    session.run("ruff", "check", ".")


@nox.session
def typing(session: nox.Session) -> None:
    """Type-check the package and tests/type_check with mypy --strict and pyright strict."""
    session.install("-e", ".[test]", "nox")
    session.run("mypy")
    session.run("pyright")


@nox.session
def docs(session: nox.Session) -> None:
    """Run the examples of the user guide (docs/) as tests."""
    session.install("-e", ".[test]")
    session.run("pytest", "tests/test_docs.py", *session.posargs)


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Print benchmark ratios against azure-functions 1.26.0, measured side by side."""
    session.install("-e", ".", "azure-functions==1.26.0", "flask")
    session.run("python", "tests/benchmarks/run.py", *session.posargs)
