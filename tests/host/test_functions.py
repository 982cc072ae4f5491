"""Tests for building FunctionInfo from v2 functions and v1 folders (azfn/host/_functions.py)."""

from __future__ import annotations

import asyncio
import datetime
import inspect
import json
import textwrap
from typing import TYPE_CHECKING
from typing import cast

import pytest

import azfn as func
from azfn.host import function_info
from azfn.host import function_info_from_json
from azfn.host._functions import has_implicit_output
from azfn.host._functions import mcp_tool_result

if TYPE_CHECKING:
    from collections.abc import Coroutine
    from pathlib import Path

    from azfn.host import FunctionInfo


def _only(app: func.FunctionApp) -> FunctionInfo:
    (function,) = app.get_functions()
    return function_info(function, "/app")


def _app() -> func.FunctionApp:
    return func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)


def test_context_parameter_is_injected() -> None:
    """host-semantics §A2.1 step 3: a `context` parameter without a binding is injected."""
    app = _app()

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    def f(msg: func.QueueMessage, context: func.Context) -> None: ...

    info = _only(app)
    assert [(p.name, p.is_context) for p in info.parameters] == [("msg", False), ("context", True)]
    assert info.parameters[1].binding is None
    assert info.directory == "/app"
    assert not info.is_async


def test_str_annotation_on_trigger_switches_to_generic() -> None:
    """host-semantics §A2.1 step 5: `str`/`bytes` on a binding without implicit output is generic."""
    app = _app()

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    @app.queue_output(arg_name="out", queue_name="o", connection="C")
    def f(msg: str, out: func.Out[bytes]) -> None: ...

    msg, out = _only(app).parameters
    assert msg.generic
    assert not msg.is_out
    assert out.generic  # Out[bytes]: the worker checks the inner type
    assert out.is_out


def test_typed_annotation_uses_the_converter() -> None:
    """host-semantics §A2.1 step 5: other annotations keep the registered converter."""
    app = _app()

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    def f(msg: func.QueueMessage) -> None: ...

    assert not _only(app).parameters[0].generic


def test_explicit_return_binding() -> None:
    """host-semantics §A2.1 step 2: a `$return` binding is the explicit return, not a parameter."""
    app = _app()

    @app.route(route="r")
    def f(req: func.HttpRequest) -> func.HttpResponse:
        return func.HttpResponse()

    info = _only(app)
    assert info.return_binding is not None
    assert info.return_binding.name == "$return"
    assert info.return_binding.type == "http"
    assert [p.name for p in info.parameters] == ["req"]
    assert info.trigger.type == "httpTrigger"
    assert [b.name for b in info.outputs] == ["$return"]
    assert info.http_type == "function"


def test_unknown_binding_type_is_generic_with_implicit_output() -> None:
    """host-semantics §A2.1 step 2: a binding type without a converter is generic, implicit output."""
    app = _app()

    @app.generic_trigger(arg_name="evt", type="customTrigger")
    def f(evt: object) -> None: ...

    info = _only(app)
    assert info.parameters[0].generic
    assert info.return_binding is info.trigger
    assert has_implicit_output("someUnknownBinding")
    assert not has_implicit_output("durableClient")
    assert not has_implicit_output("queueTrigger")
    assert has_implicit_output("orchestrationTrigger")


def test_explicit_return_beats_implicit() -> None:
    """host-semantics §A2.1 step 2: an explicit `$return` takes priority over an implicit one."""
    app = _app()

    @app.generic_trigger(arg_name="evt", type="customTrigger")
    @app.generic_output_binding(arg_name="$return", type="queue")
    def f(evt: object) -> str:
        return ""

    info = _only(app)
    assert info.return_binding is not None
    assert info.return_binding.name == "$return"


def test_inputs_and_outputs() -> None:
    """host-semantics §A2.2: non-trigger in bindings are inputs; out bindings are outputs."""
    app = _app()

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    @app.blob_input(arg_name="doc", path="c/{queueTrigger}", connection="C")
    @app.blob_output(arg_name="copy", path="c/copy", connection="C")
    def f(msg: func.QueueMessage, doc: func.InputStream, copy: func.Out[bytes]) -> None: ...

    info = _only(app)
    assert [b.name for b in info.inputs] == ["doc"]
    assert [b.name for b in info.outputs] == ["copy"]
    assert info.return_binding is None


def test_async_and_retry_policy() -> None:
    """host-semantics §A6.3: the retry policy is read from `@app.retry`."""
    app = _app()

    @app.timer_trigger(arg_name="timer", schedule="0 */5 * * * *")
    @app.retry(
        strategy="exponential_backoff",
        max_retry_count="3",
        minimum_interval="00:00:01",
        maximum_interval="00:01:00",
    )
    async def f(timer: func.TimerRequest) -> None: ...

    info = _only(app)
    assert info.is_async
    assert info.retry is not None
    assert info.retry.strategy == "exponential_backoff"
    assert info.retry.max_retry_count == 3
    assert info.retry.minimum_interval == datetime.timedelta(seconds=1)
    assert info.retry.maximum_interval == datetime.timedelta(minutes=1)


def test_mismatched_parameters_fail_to_load() -> None:
    """host-semantics §A2.1 step 4: extra Python parameters fail with the worker's wording."""
    from azfn._function import Function
    from azfn.bindings.generic import GenericTrigger

    def f(msg: str, extra: str) -> None: ...

    function = cast("Function[..., object]", Function(f))
    function.add_trigger(GenericTrigger(arg_name="msg", type="queueTrigger"))
    with pytest.raises(
        func.FunctionLoadError, match=r"declared in Python but not in function\.json"
    ):
        function_info(function, "/app")


# v1 (function.json) loading, host-semantics §A1.2.


def _v1(tmp_path: Path, name: str, code: str, function_json: dict[str, object]) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    script = str(function_json.get("scriptFile", "__init__.py"))
    (folder / script).write_text(textwrap.dedent(code))
    (folder / "function.json").write_text(json.dumps(function_json))
    return folder


_QUEUE_V1: dict[str, object] = {
    "bindings": [
        {"name": "msg", "type": "queueTrigger", "direction": "in", "queueName": "q"},
        {"name": "$return", "type": "queue", "direction": "out", "queueName": "o"},
    ]
}


def test_v1_defaults_and_relative_imports(tmp_path: Path) -> None:
    """host-semantics §A1.2: `__init__.py` + `main` by default, imported as `__app__.<Folder>`."""
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "__init__.py").write_text("")
    (shared / "helpers.py").write_text("def shout(s):\n    return s.upper()\n")
    folder = _v1(
        tmp_path,
        "Echo",
        """
        from ..shared.helpers import shout

        def main(msg: str) -> str:
            return shout(msg)
        """,
        _QUEUE_V1,
    )
    info = function_info_from_json("Echo", folder, _QUEUE_V1)
    assert info.func.__module__ == "__app__.Echo"
    assert info.directory == str(folder)
    assert info.return_binding is not None
    assert info.return_binding.name == "$return"
    assert info.func("hi") == "HI"


def test_v1_script_file_and_entry_point(tmp_path: Path) -> None:
    """host-semantics §A1.2: `scriptFile` and `entryPoint` choose the module and function."""
    spec = {**_QUEUE_V1, "scriptFile": "run.py", "entryPoint": "handle"}
    folder = _v1(tmp_path, "Runner", "def handle(msg: str) -> str:\n    return msg\n", spec)
    info = function_info_from_json("Runner", folder, spec)
    assert info.func.__module__ == "__app__.Runner.run"


def test_v1_two_apps_with_the_same_folder_names(tmp_path: Path) -> None:
    """host-semantics §A1.2: each app's `__app__` package is its own (no stale modules)."""
    (tmp_path / "a").mkdir()
    one = _v1(
        tmp_path / "a",
        "Fn",
        "def main(msg: str) -> str:\n    return 'one'\n",
        _QUEUE_V1,
    )
    (tmp_path / "b").mkdir()
    two = _v1(tmp_path / "b", "Fn", "def main(msg: str) -> str:\n    return 'two'\n", _QUEUE_V1)
    assert function_info_from_json("Fn", one, _QUEUE_V1).func("") == "one"
    assert function_info_from_json("Fn", two, _QUEUE_V1).func("") == "two"


@pytest.mark.parametrize(
    ("spec_extra", "code", "message"),
    [
        (
            {"scriptFile": "run.txt"},
            "",
            "cannot load function Bad: invalid Python filename run.txt",
        ),
        (
            {},
            "x = 1\n",
            r"cannot load function Bad: function main\(\) is not present in Bad/__init__.py",
        ),
        ({"scriptFile": "../../elsewhere.py"}, "", "is not relative to the specified directory"),
        ({}, "raise ImportError('nope')\n", "ImportError: nope"),
    ],
)
def test_v1_load_errors(
    tmp_path: Path, spec_extra: dict[str, object], code: str, message: str
) -> None:
    """host-semantics §A1.2: load errors carry the worker's messages, per function."""
    spec = {**_QUEUE_V1, **spec_extra}
    folder = tmp_path / "Bad"
    folder.mkdir()
    (folder / "__init__.py").write_text(code)
    (folder / "run.txt").write_text("")
    with pytest.raises(func.FunctionLoadError, match=message) as caught:
        function_info_from_json("Bad", folder, spec)
    assert caught.value.problems[0].function == "Bad"


def test_v1_binding_checks(tmp_path: Path) -> None:
    """host-semantics §A2.1 step 1 and 4: inout, `$return` direction and name mismatches."""
    spec: dict[str, object] = {
        "bindings": [
            {"name": "msg", "type": "queueTrigger", "direction": "in"},
            {"name": "x", "type": "blob", "direction": "inout"},
            {"name": "$return", "type": "queue", "direction": "in"},
        ]
    }
    folder = _v1(tmp_path, "Checks", "def main(msg: str, other: str) -> None: ...\n", spec)
    with pytest.raises(func.FunctionLoadError) as caught:
        function_info_from_json("Checks", folder, spec)
    text = str(caught.value)
    assert '"inout" bindings are not supported' in text
    assert '"$return" binding must have direction set to "out"' in text
    assert "declared in Python but not in function.json" in text


# MCP tools.


def test_mcp_tool_wrapper_reads_arguments() -> None:
    """host-semantics §A1.1: an MCP tool is called through the worker's wrapper."""
    app = _app()

    @app.mcp_tool()
    def add(a: int, b: int, ctx: func.MCPToolContext) -> int:
        """Add two numbers."""
        assert ctx["name"] == "add"
        return a + b

    info = _only(app)
    assert info.is_async
    assert list(inspect.signature(info.func).parameters) == ["context"]
    assert info.parameters[0].name == "context"
    assert not info.parameters[0].is_context  # the trigger's binding, not the injected context
    payload = json.dumps({"name": "add", "arguments": {"a": 2, "b": 3}})
    assert asyncio.run(cast("Coroutine[object, object, str]", info.func(context=payload)))


def test_mcp_tool_result_shapes() -> None:
    """host-semantics §A1.1: the wrapper's result: "" for None, str() without a schema."""
    assert mcp_tool_result(None, use_result_schema=False) == ""
    assert mcp_tool_result("x", use_result_schema=False) == "x"
    assert mcp_tool_result(3, use_result_schema=False) == "3"
    envelope = json.loads(mcp_tool_result({"k": 1}, use_result_schema=True))
    assert envelope["type"] == "text"
    assert json.loads(envelope["structuredContent"]) == {"k": 1}
    assert json.loads(envelope["content"]) == {"type": "text", "text": '{"k": 1}'}
