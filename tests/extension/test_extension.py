# pyright: strict
"""Worker extensions: registration rules, the query API, resetting, hook order."""

from __future__ import annotations

import asyncio
import json
import logging
import os
from typing import TYPE_CHECKING

import pytest

from azfn.context import Context
from azfn.extension import AppExtensionBase
from azfn.extension import AppExtensionHooks
from azfn.extension import ExtensionHookMeta
from azfn.extension import ExtensionMeta
from azfn.extension import FuncExtensionBase
from azfn.extension import FuncExtensionHooks
from azfn.extension import FunctionExtensionException
from azfn.extension import InvocationHooks
from azfn.extension import invoke_with_hooks
from azfn.extension import invoke_with_hooks_async
from azfn.extension import run_function_load_hooks
from azfn.extension.extension_scope import ExtensionScope

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

Calls = list[str]


@pytest.fixture(autouse=True)
def _isolated_registry() -> Iterator[None]:
    """Every test starts with an empty registry and leaves the global one as it was."""
    with ExtensionMeta.isolated():
        yield


@pytest.fixture
def script_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An app root with AzureWebJobsScriptRoot pointing at it."""
    monkeypatch.setenv("AzureWebJobsScriptRoot", str(tmp_path))
    return tmp_path


def _file_in(root: Path, function: str) -> str:
    return str(root / function / "__init__.py")


def _recording_app_extension(calls: Calls, label: str = "app") -> type[AppExtensionBase]:
    class Recorder(AppExtensionBase):
        @classmethod
        def post_function_load_app_level(
            cls, function_name: str, function_directory: str, *args: object, **kwargs: object
        ) -> None:
            calls.append(f"{label}.load:{function_name}:{function_directory}")

        @classmethod
        def pre_invocation_app_level(
            cls,
            logger: logging.Logger,
            context: Context,
            func_args: dict[str, object] | None = None,
            *args: object,
            **kwargs: object,
        ) -> None:
            calls.append(f"{label}.pre:{context.function_name}:{sorted(func_args or {})}")

        @classmethod
        def post_invocation_app_level(
            cls,
            logger: logging.Logger,
            context: Context,
            func_args: dict[str, object] | None = None,
            func_ret: object | None = None,
            *args: object,
            **kwargs: object,
        ) -> None:
            calls.append(f"{label}.post:{func_ret!r}")

    return Recorder


class _FuncRecorder(FuncExtensionBase):
    def __init__(self, file_path: str, calls: Calls, label: str = "func") -> None:
        super().__init__(file_path)
        self.calls = calls
        self.label = label

    def post_function_load(
        self, function_name: str, function_directory: str, *args: object, **kwargs: object
    ) -> None:
        self.calls.append(f"{self.label}.load:{function_name}")

    def pre_invocation(
        self,
        logger: logging.Logger,
        context: Context,
        func_args: dict[str, object] | None = None,
        *args: object,
        **kwargs: object,
    ) -> None:
        self.calls.append(f"{self.label}.pre")

    def post_invocation(
        self,
        logger: logging.Logger,
        context: Context,
        func_args: dict[str, object] | None = None,
        func_ret: object | None = None,
        *args: object,
        **kwargs: object,
    ) -> None:
        self.calls.append(f"{self.label}.post:{func_ret!r}")


# Registration rules


def test_application_extension_registers_when_defined() -> None:
    """Defining an AppExtensionBase subclass registers it; the base itself is not registered."""
    assert ExtensionMeta.get_application_hooks() is None
    recorder = _recording_app_extension([])
    hooks = ExtensionMeta.get_application_hooks()
    assert isinstance(hooks, AppExtensionHooks)
    assert [m.ext_name for m in hooks.pre_invocation_app_level] == [recorder.__name__]
    assert json.loads(ExtensionMeta.get_registered_extensions_json()) == {
        "AppExtension": [recorder.__name__]
    }


def test_application_extension_init_runs_at_definition() -> None:
    """init() is called once, when the class statement runs."""
    seen: list[str] = []

    class Setup(AppExtensionBase):
        @classmethod
        def init(cls) -> None:
            seen.append(cls.__name__)

    assert seen == ["Setup"]
    Setup.configure(1, key="v")  # the default configure() accepts anything
    assert seen == ["Setup"]


def test_every_hook_is_registered_even_when_not_overridden() -> None:
    """Like the reference, each hook list holds the extension, overridden or not."""

    class Quiet(AppExtensionBase):
        pass

    hooks = ExtensionMeta.get_application_hooks()
    assert hooks is not None
    for registered in hooks:
        assert [m.ext_name for m in registered] == ["Quiet"]
        assert isinstance(registered[0], ExtensionHookMeta)
    assert hooks.pre_invocation_app_level[0].ext_impl == Quiet.pre_invocation_app_level


def test_application_extension_cannot_be_instantiated() -> None:
    """Instantiating an application extension raises FunctionExtensionException."""
    recorder = _recording_app_extension([])
    with pytest.raises(FunctionExtensionException, match="must not be instantiated"):
        recorder()


def test_class_with_no_scope_cannot_be_instantiated() -> None:
    """A class using the metaclass directly is not an extension and cannot be created."""

    class Stray(metaclass=ExtensionMeta):
        pass

    with pytest.raises(FunctionExtensionException, match="not a worker extension"):
        Stray()
    assert ExtensionMeta.get_registered_extensions_json() == "{}"


def test_function_extension_registers_when_instantiated(script_root: Path) -> None:
    """A FuncExtensionBase instance registers under its function folder's name."""
    calls: Calls = []
    assert ExtensionMeta.get_function_hooks("HttpTrigger") is None
    ext = _FuncRecorder(_file_in(script_root, "HttpTrigger"), calls)
    hooks = ExtensionMeta.get_function_hooks("HttpTrigger")
    assert isinstance(hooks, FuncExtensionHooks)
    assert hooks.pre_invocation == [ExtensionHookMeta("_FuncRecorder", ext.pre_invocation)]
    assert json.loads(ExtensionMeta.get_registered_extensions_json()) == {
        "FuncExtension": {"HttpTrigger": ["_FuncRecorder"]}
    }


def test_function_hooks_lookup_ignores_case(script_root: Path) -> None:
    """get_function_hooks() lower-cases the name, as the reference does."""
    _FuncRecorder(_file_in(script_root, "HttpTrigger"), [])
    assert ExtensionMeta.get_function_hooks("httptrigger") is not None
    assert ExtensionMeta.get_function_hooks("HTTPTRIGGER") is ExtensionMeta.get_function_hooks(
        "HttpTrigger"
    )
    assert ExtensionMeta.get_function_hooks("Other") is None


def test_two_function_extensions_share_a_function(script_root: Path) -> None:
    """Several extensions of one function are kept in creation order."""
    _FuncRecorder(_file_in(script_root, "Fn"), [], "a")
    _FuncRecorder(_file_in(script_root, "Fn"), [], "b")
    hooks = ExtensionMeta.get_function_hooks("fn")
    assert hooks is not None
    owners = [getattr(m.ext_impl, "__self__", None) for m in hooks.pre_invocation]
    assert [o.label for o in owners if isinstance(o, _FuncRecorder)] == ["a", "b"]
    assert json.loads(ExtensionMeta.get_registered_extensions_json()) == {
        "FuncExtension": {"Fn": ["_FuncRecorder", "_FuncRecorder"]}
    }


def test_function_extension_needs_the_script_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without AzureWebJobsScriptRoot a function extension raises, naming the variable."""
    monkeypatch.delenv("AzureWebJobsScriptRoot", raising=False)
    with pytest.raises(FunctionExtensionException, match=r"^AzureWebJobsScriptRoot environment"):
        _FuncRecorder("/somewhere/Fn/__init__.py", [])
    assert ExtensionMeta.get_function_hooks("Fn") is None


@pytest.mark.parametrize("where", ["", "../outside/x.py"])
def test_function_extension_outside_a_function_folder(script_root: Path, where: str) -> None:
    """A path that is the root itself, or outside it, names no function."""
    path = str(script_root) if not where else os.path.join(str(script_root), where)
    with pytest.raises(FunctionExtensionException, match="cannot tell which function"):
        _FuncRecorder(path, [])


def test_function_extension_base_is_abstract(script_root: Path) -> None:
    """FuncExtensionBase cannot be instantiated itself: its __init__ is abstract."""
    with pytest.raises(TypeError, match="abstract"):
        FuncExtensionBase(_file_in(script_root, "Fn"))  # type: ignore[abstract]  # pyright: ignore[reportAbstractUsage]


def test_function_extension_must_call_super_init(script_root: Path) -> None:
    """Forgetting super().__init__(file_path) is reported clearly."""

    class Forgetful(FuncExtensionBase):
        def __init__(self, file_path: str) -> None:
            self.path = file_path

    with pytest.raises(FunctionExtensionException, match=r"must call super\(\).__init__"):
        Forgetful(_file_in(script_root, "Fn"))


def test_scopes() -> None:
    """The bases carry the reference's scopes."""
    assert getattr(AppExtensionBase, "_scope") is ExtensionScope.APPLICATION  # noqa: B009
    assert getattr(FuncExtensionBase, "_scope") is ExtensionScope.FUNCTION  # noqa: B009


def test_registry_json_lists_both_kinds(script_root: Path) -> None:
    """get_registered_extensions_json() lists function and application extensions."""
    _FuncRecorder(_file_in(script_root, "Fn"), [])
    app = _recording_app_extension([])
    assert json.loads(ExtensionMeta.get_registered_extensions_json()) == {
        "FuncExtension": {"Fn": ["_FuncRecorder"]},
        "AppExtension": [app.__name__],
    }


# Resetting the registry


def test_clear_empties_the_registry(script_root: Path) -> None:
    """ExtensionMeta.clear() forgets every extension."""
    _recording_app_extension([])
    _FuncRecorder(_file_in(script_root, "Fn"), [])
    ExtensionMeta.clear()
    assert ExtensionMeta.get_application_hooks() is None
    assert ExtensionMeta.get_function_hooks("Fn") is None
    assert ExtensionMeta.get_registered_extensions_json() == "{}"


def test_isolated_restores_what_was_there() -> None:
    """isolated() undoes registrations made inside it and keeps those made before."""
    outer = _recording_app_extension([], "outer")
    with ExtensionMeta.isolated():
        assert ExtensionMeta.get_application_hooks() is None
        _recording_app_extension([], "inner")
    hooks = ExtensionMeta.get_application_hooks()
    assert hooks is not None
    assert [m.ext_name for m in hooks.pre_invocation_app_level] == [outer.__name__]

    with ExtensionMeta.isolated(empty=False):
        _recording_app_extension([], "added")
        inside = ExtensionMeta.get_application_hooks()
        assert inside is not None
        assert len(inside.pre_invocation_app_level) == 2
    after = ExtensionMeta.get_application_hooks()
    assert after is not None
    assert len(after.pre_invocation_app_level) == 1


def test_snapshot_is_independent_of_later_registrations() -> None:
    """A snapshot is a copy: registering afterwards does not change it."""
    _recording_app_extension([], "one")
    snap = ExtensionMeta.snapshot()
    _recording_app_extension([], "two")
    assert snap.app_exts is not None
    assert len(snap.app_exts.pre_invocation_app_level) == 1
    ExtensionMeta.restore(snap)
    _recording_app_extension([], "three")
    assert len(snap.app_exts.pre_invocation_app_level) == 1


# Running the hooks


def test_invocation_hook_order(script_root: Path) -> None:
    """App pre, function pre, the function, function post, app post: the worker's order."""
    calls: Calls = []
    _recording_app_extension(calls)
    _FuncRecorder(_file_in(script_root, "Fn"), calls)

    def function(req: str) -> str:
        calls.append(f"function:{req}")
        return "done"

    result = invoke_with_hooks(function, {"req": "r"}, Context(function_name="Fn"))
    assert result == "done"
    assert calls == [
        "app.pre:Fn:['req']",
        "func.pre",
        "function:r",
        "func.post:'done'",
        "app.post:'done'",
    ]


def test_function_hooks_are_selected_by_function_name(script_root: Path) -> None:
    """Only the invoked function's extensions run; application ones always do."""
    calls: Calls = []
    _recording_app_extension(calls)
    _FuncRecorder(_file_in(script_root, "Other"), calls)
    invoke_with_hooks(lambda: None, {}, Context(function_name="Fn"))
    assert calls == ["app.pre:Fn:[]", "app.post:None"]


def test_hooks_may_change_the_arguments() -> None:
    """Hooks receive the very dict the function is called with."""

    class Injector(AppExtensionBase):  # pyright: ignore[reportUnusedClass]  # registers itself
        @classmethod
        def pre_invocation_app_level(
            cls,
            logger: logging.Logger,
            context: Context,
            func_args: dict[str, object] | None = None,
            *args: object,
            **kwargs: object,
        ) -> None:
            assert func_args is not None
            func_args["name"] = "injected"

    def echo(name: str) -> str:
        return name

    assert invoke_with_hooks(echo, {"name": "x"}, Context()) == "injected"


def test_failing_hook_is_logged_and_swallowed(caplog: pytest.LogCaptureFixture) -> None:
    """A hook that raises is logged under the worker's extension logger; the rest still runs."""
    calls: Calls = []

    class Broken(AppExtensionBase):  # pyright: ignore[reportUnusedClass]  # registers itself
        @classmethod
        def pre_invocation_app_level(
            cls,
            logger: logging.Logger,
            context: Context,
            func_args: dict[str, object] | None = None,
            *args: object,
            **kwargs: object,
        ) -> None:
            raise RuntimeError("hook failed")

        @classmethod
        def post_invocation_app_level(
            cls,
            logger: logging.Logger,
            context: Context,
            func_args: dict[str, object] | None = None,
            func_ret: object | None = None,
            *args: object,
            **kwargs: object,
        ) -> None:
            raise RuntimeError("post failed")

    _recording_app_extension(calls)
    with caplog.at_level(logging.ERROR):

        def function() -> int:
            calls.append("function")
            return 7

        result = invoke_with_hooks(function, {}, Context())
    assert result == 7
    assert calls == ["app.pre::[]", "function", "app.post:7"]
    records = [r for r in caplog.records if r.name == "azure_functions_worker.extension.Broken"]
    assert len(records) == 2
    assert records[0].exc_info is not None
    assert "hook failed" in str(records[0].exc_info[1])


def test_post_hooks_are_skipped_when_the_function_raises(script_root: Path) -> None:
    """The function's exception propagates and no post hook runs (no try/finally)."""
    calls: Calls = []
    _recording_app_extension(calls)
    _FuncRecorder(_file_in(script_root, "Fn"), calls)

    def failing() -> None:
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        invoke_with_hooks(failing, {}, Context(function_name="Fn"))
    assert calls == ["app.pre:Fn:[]", "func.pre"]


def test_async_invocation_runs_hooks_in_order(script_root: Path) -> None:
    """invoke_with_hooks_async awaits the function between the same hooks."""
    calls: Calls = []
    _recording_app_extension(calls)
    _FuncRecorder(_file_in(script_root, "Fn"), calls)

    async def function(req: str) -> str:
        await asyncio.sleep(0)
        calls.append("function")
        return req.upper()

    context = Context(function_name="Fn")
    result = asyncio.run(invoke_with_hooks_async(function, {"req": "a"}, context))
    assert result == "A"
    assert calls == ["app.pre:Fn:['req']", "func.pre", "function", "func.post:'A'", "app.post:'A'"]


def test_async_invocation_skips_post_hooks_on_error() -> None:
    """An async function that raises skips the post hooks too."""
    calls: Calls = []
    _recording_app_extension(calls)

    async def failing() -> None:
        raise KeyError("k")

    with pytest.raises(KeyError):
        asyncio.run(invoke_with_hooks_async(failing, {}, Context(function_name="Fn")))
    assert calls == ["app.pre:Fn:[]"]


def test_explicit_hooks_replace_the_registry() -> None:
    """Passing hooks= runs exactly those, whatever is registered."""
    calls: Calls = []
    _recording_app_extension(calls, "registered")
    ran: list[object] = []

    def pre(logger: logging.Logger, context: Context, func_args: dict[str, object]) -> None:
        ran.append(func_args)

    def function(k: int) -> None:
        pass

    custom = InvocationHooks(app=AppExtensionHooks([], [ExtensionHookMeta("X", pre)], []))
    invoke_with_hooks(function, {"k": 1}, Context(), hooks=custom)
    assert ran == [{"k": 1}]
    assert calls == []
    invoke_with_hooks(lambda: None, {}, Context(), hooks=InvocationHooks())
    assert calls == []


def test_function_load_hooks_run_function_then_app(
    script_root: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """post_function_load runs before post_function_load_app_level; failures are logged."""
    calls: Calls = []
    _recording_app_extension(calls)
    _FuncRecorder(_file_in(script_root, "Fn"), calls)

    class Broken(AppExtensionBase):  # pyright: ignore[reportUnusedClass]  # registers itself
        @classmethod
        def post_function_load_app_level(
            cls, function_name: str, function_directory: str, *args: object, **kwargs: object
        ) -> None:
            raise RuntimeError("load failed")

    with caplog.at_level(logging.ERROR):
        run_function_load_hooks("Fn", "/app/Fn")
    assert calls == ["func.load:Fn", "app.load:Fn:/app/Fn"]
    assert [r.name for r in caplog.records] == ["azure_functions_worker.extension.Broken"]


def test_no_extensions_means_just_the_call() -> None:
    """With an empty registry the function is simply called."""

    def add(a: int, b: int) -> int:
        return a + b

    assert invoke_with_hooks(add, {"a": 1, "b": 2}, Context()) == 3
    run_function_load_hooks("Fn", "/dir")


def test_import_is_cheap() -> None:
    """azfn.extension pulls in neither asyncio nor werkzeug."""
    import subprocess
    import sys

    code = (
        "import sys, azfn.extension; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('asyncio', 'werkzeug')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
