"""`import azfn` stays cheap: no Werkzeug, asyncio, pytest or Hypothesis."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("werkzeug", "asyncio", "pytest", "hypothesis", "uuid", "email", "http.server", "ssl")


@pytest.mark.parametrize("module", ["azfn", "azfn.decorators", "azfn.cli"])
def test_import_loads_no_heavy_modules(module: str) -> None:
    """Importing azfn (or its compat paths) loads none of the heavy modules."""
    code = (
        "import sys, json\n"
        f"import {module}\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r} or m in {HEAVY!r})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []
