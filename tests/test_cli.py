"""The azfn command line: `functions` and `check` (tested through main())."""

from __future__ import annotations

import json
import textwrap
from typing import TYPE_CHECKING

import pytest

from azfn.cli import main

if TYPE_CHECKING:
    from pathlib import Path

APP = """
import azfn as func

app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)


@app.route(route="items/{id:int}", methods=["GET", "POST"])
def get_item(req):
    return "ok"


@app.retry(strategy="fixed_delay", max_retry_count="2", delay_interval="00:00:05")
@app.queue_trigger(arg_name="msg", queue_name="orders", connection="Storage")
def process(msg):
    pass
"""

BROKEN = """
import azfn as func

app = func.FunctionApp()


@app.route(route="items/{id}")
def get_item(req, id):
    pass


@app.timer_trigger(arg_name="timer", schedule="not cron")
def tick(timer):
    pass
"""


def _project(tmp_path: Path, source: str, name: str = "function_app.py") -> Path:
    (tmp_path / name).write_text(textwrap.dedent(source), encoding="utf-8")
    return tmp_path


def test_functions_lists_name_trigger_route_and_methods(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`azfn functions APP` prints one row per function, HTTP with methods and full path."""
    assert main(["functions", str(_project(tmp_path, APP))]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["NAME", "TRIGGER", "DETAILS"]
    assert lines[1].split() == ["get_item", "httpTrigger", "GET,POST", "/api/items/{id:int}"]
    assert lines[2].split()[:2] == ["process", "queueTrigger"]
    assert "queueName=orders" in lines[2]


def test_functions_uses_the_route_prefix_of_host_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The HTTP path shown honours host.json extensions.http.routePrefix (§A3.1)."""
    project = _project(tmp_path, APP)
    (project / "host.json").write_text('{"extensions": {"http": {"routePrefix": ""}}}')
    assert main(["functions", str(project)]) == 0
    assert "/items/{id:int}" in capsys.readouterr().out.replace("/api/", "!")


def test_functions_json_prints_host_metadata(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--json` prints what the worker reports to the host for each function."""
    assert main(["functions", "--json", str(_project(tmp_path, APP))]) == 0
    metadata = json.loads(capsys.readouterr().out)
    assert [m["name"] for m in metadata] == ["get_item", "process"]
    first = metadata[0]
    assert first["scriptFile"] == "function_app.py"
    assert first["language"] == "python"
    assert first["bindings"][0] == {
        "direction": "IN",
        "type": "httpTrigger",
        "name": "req",
        "methods": ["GET", "POST"],
        "authLevel": "ANONYMOUS",
        "route": "items/{id:int}",
    }
    assert metadata[1]["retryOptions"] == {
        "strategy": "fixed_delay",
        "max_retry_count": "2",
        "delay_interval": "00:00:05",
    }


def test_check_passes_on_a_good_app(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`azfn check` exits 0 and says how many functions it checked."""
    assert main(["check", str(_project(tmp_path, APP))]) == 0
    assert "OK: 2 functions" in capsys.readouterr().out


def test_check_lists_every_problem_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`azfn check` prints every problem grouped by function and exits 1."""
    assert main(["check", str(_project(tmp_path, BROKEN))]) == 1
    out = capsys.readouterr().out
    assert "2 problems found" in out
    assert "get_item:" in out
    assert "{'id'}" in out
    assert "tick:" in out
    assert "not cron" in out


def test_functions_on_a_broken_app_fails_with_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`azfn functions` on an app with problems exits 1 and lists them on stderr."""
    assert main(["functions", str(_project(tmp_path, BROKEN))]) == 1
    assert "2 problems found" in capsys.readouterr().err


def test_module_attribute_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """APP may be module:attribute, imported from the current folder."""
    _project(tmp_path, APP, name="myapp_cli_target.py")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    assert main(["functions", "myapp_cli_target:app"]) == 0
    assert "get_item" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import missing_package_xyz\n", "No module named 'missing_package_xyz'"),
        ("def broken(:\n", "SyntaxError"),
        ("raise RuntimeError('boom at import')\n", "function_app.py, line 1: raise RuntimeError"),
        ("x = 1\n", "Could not find top level function app instances"),
        (
            "import azfn as func\na = func.FunctionApp()\nb = func.FunctionApp()\n",
            "More than one FunctionApp",
        ),
    ],
)
def test_load_errors_are_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str, expected: str
) -> None:
    """Import failures and missing apps exit 2 with a message, not a traceback wall."""
    assert main(["check", str(_project(tmp_path, source))]) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert "Traceback" not in err


def test_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder without function_app.py is named in the error."""
    assert main(["functions", str(tmp_path)]) == 2
    assert "has no function_app.py" in capsys.readouterr().err


def test_unregistered_blueprint_warns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A blueprint with functions that is never registered is a warning (user-asks §A5)."""
    source = APP + "\nbp = func.Blueprint()\n\n@bp.route()\ndef lost(req):\n    pass\n"
    assert main(["check", str(_project(tmp_path, source))]) == 0
    assert "app.register_functions(bp)" in capsys.readouterr().err
