"""azfn's pytest plugin, run on fresh projects with pytester (azfn/testing/pytest_plugin.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from importlib import metadata
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.skipif(
    not any(e.name == "azfn" for e in metadata.entry_points(group="pytest11")),
    reason="azfn is not installed (pip install -e .): its pytest11 entry point is missing",
)

APP = """
import logging
import os

import azfn as func

GREETING = os.environ.get("GREETING", "unset at import")
app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)


@app.route("items/{id:int}", methods=["GET"])
def get_item(req: func.HttpRequest) -> func.HttpResponse:
    item = int(req.route_params["id"])
    return func.HttpResponse.json({"id": item, "greeting": os.environ.get("GREETING")})


@app.queue_trigger("msg", queue_name="orders", connection="AzureWebJobsStorage")
@app.queue_output("receipt", queue_name="receipts", connection="AzureWebJobsStorage")
def process_order(msg: func.QueueMessage, receipt: func.Out[str]) -> None:
    logging.info("processing %s", msg.id)
    if msg.get_body() == b"boom":
        raise ValueError("cannot process boom")
    receipt.set(f"done {msg.id}")
"""

SETTINGS = '{"IsEncrypted": false, "Values": {"GREETING": "hello", "AzureWebJobsStorage": "x"}}'


def _project(pytester: pytest.Pytester, tests: str, **files: str) -> None:
    pytester.makepyfile(function_app=APP)
    (pytester.path / "local.settings.json").write_text(SETTINGS)
    pytester.makepyfile(test_app=textwrap.dedent(tests))
    for name, text in files.items():
        (pytester.path / name).write_text(textwrap.dedent(text))


def test_a_fresh_project_needs_no_configuration(pytester: pytest.Pytester) -> None:
    """The issue's acceptance test: azfn_client and @given(inputs_for(...)), no config."""
    _project(
        pytester,
        """
        from hypothesis import given, settings
        from azfn import strategies as azst
        from function_app import get_item, process_order

        def test_http(azfn_client):
            resp = azfn_client.get("/api/items/7")
            assert resp.status_code == 200
            assert resp.get_json() == {"id": 7, "greeting": "hello"}

        @settings(max_examples=10)
        @given(inputs=azst.inputs_for(get_item))
        def test_any_item(azfn_client, inputs):
            inv = azfn_client.invoke("get_item", **inputs)
            assert inv.return_value.status_code == 200

        @settings(max_examples=10)
        @given(inputs=azst.inputs_for(process_order))
        def test_any_message(azfn_client, inputs):
            if inputs["msg"].get_body() == b"boom":
                return
            inv = azfn_client.invoke("process_order", **inputs)
            assert inv.outputs["receipt"] == f"done {inputs['msg'].id}"
        """,
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3)


def test_settings_are_applied_before_import_and_restored_per_test(
    pytester: pytest.Pytester,
) -> None:
    _project(
        pytester,
        """
        import datetime
        import os

        def test_import_saw_the_settings(azfn_app):
            import function_app
            assert function_app.GREETING == "hello"
            assert azfn_app is function_app.app

        def test_override(azfn_settings, azfn_client):
            azfn_settings["GREETING"] = "bonjour"
            assert os.environ["GREETING"] == "bonjour"
            assert azfn_client.get("/api/items/1").get_json()["greeting"] == "bonjour"

        def test_restored(azfn_settings, azfn_client):
            assert azfn_settings["GREETING"] == "hello"
            assert azfn_client.get("/api/items/1").get_json()["greeting"] == "hello"

        def test_deleted(azfn_settings, azfn_client):
            del azfn_settings["GREETING"]
            assert "GREETING" not in os.environ
            assert azfn_client.get("/api/items/1").get_json()["greeting"] is None

        def test_back_again(azfn_settings):
            assert os.environ["GREETING"] == "hello"

        def test_freeze_time(azfn_client):
            azfn_client.now = datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc)
            inv = azfn_client.invoke("process_order", msg="a")
            assert inv.outputs["receipt"].startswith("done")

        def test_time_unfrozen(azfn_client):
            assert azfn_client.now is None
        """,
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:randomly")
    result.assert_outcomes(passed=7)


def test_failure_reports_show_the_invocations(pytester: pytest.Pytester) -> None:
    """A failing test's report names the function, its inputs, the outcome and the logs."""
    _project(
        pytester,
        """
        def test_raises(azfn_client):
            azfn_client.invoke("process_order", msg="boom")

        def test_wrong_status(azfn_client):
            assert azfn_client.get("/api/items/x").status_code == 200

        def test_passes(azfn_client):
            azfn_client.invoke("process_order", msg="fine")
        """,
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=2, passed=1)
    result.stdout.fnmatch_lines(
        [
            "*azfn invocations*",
            "process_order: invoke(msg='boom')",
            "  -> raised ValueError: cannot process boom",
            "  logs:",
            "    INFO * root: processing *",
            "*azfn invocations*",
            "(no function): GET /api/items/x",
            "  -> 404",
        ]
    )
    assert "msg='fine'" not in result.stdout.str()  # passing tests add nothing


def test_the_app_can_be_named_in_ini_or_on_the_command_line(pytester: pytest.Pytester) -> None:
    pkg = pytester.mkpydir("service")
    (pkg / "functions.py").write_text(APP)
    pytester.makeini('[pytest]\nazfn_app = "service.functions:app"\n')
    pytester.makepyfile(
        test_named="""
        def test_named(azfn_client):
            assert "process_order" in azfn_client.functions
        """
    )
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)
    pytester.makeini("[pytest]\n")
    result = pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", "--azfn-app", "service/functions.py"
    )
    result.assert_outcomes(passed=1)


def test_no_app_is_a_clear_error(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_none="""
        def test_client(azfn_client):
            pass
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*azfn: no app to test:*has no function_app.py*azfn_app*"])


def test_the_plugin_can_be_disabled(pytester: pytest.Pytester) -> None:
    _project(pytester, "def test_x(azfn_client):\n    pass\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:azfn")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'azfn_client' not found*"])


def test_importing_the_plugin_is_cheap(tmp_path: Path) -> None:
    """The plugin loads in every pytest run: no Hypothesis, no host at import."""
    code = (
        "import sys, azfn.testing.pytest_plugin\n"
        "heavy = [m for m in ('hypothesis', 'azfn.host', 'werkzeug') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert out.stdout.strip() == "[]"
