# pyright: strict
"""Building :class:`~azfn.host.FunctionInfo`: the worker's view of a function.

:func:`function_info` (v2 decorator apps) and :func:`function_info_from_json`
(v1 ``function.json`` apps, host-semantics §A1.2) classify each parameter as
the worker does at load time (host-semantics §A2.1): the injected
``context``, ``Out`` parameters, the generic ``str``/``bytes`` switch, the
explicit ``$return`` binding or an implicit-output one. For ``@app.mcp_tool()``
functions the callable is the worker's wrapper (:func:`mcp_tool_wrapper`).
"""

from __future__ import annotations

import inspect
import json
import os
import sys
import typing
from typing import TYPE_CHECKING

from azfn.errors import FunctionLoadError
from azfn.errors import Problem
from azfn.host._model import BindingInfo
from azfn.host._model import FunctionInfo
from azfn.host._model import ParameterInfo

if TYPE_CHECKING:
    from collections.abc import Callable
    from collections.abc import Mapping
    from collections.abc import Sequence
    from pathlib import Path

    from azfn._function import Function
    from azfn.bindings._base import Binding
    from azfn.bindings._base import JSONValue
    from azfn.host._model import RetryPolicySpec

__all__ = [
    "function_info",
    "function_info_from_json",
    "has_implicit_output",
    "mcp_tool_result",
    "mcp_tool_wrapper",
    "type_hints",
    "value_type",
]


_RETURN = "$return"


def has_implicit_output(binding_type: str) -> bool:
    """Return whether a function's return value goes to a binding of this type.

    The registered converter decides; a type without a converter is the
    worker's generic binding, which has implicit output except for
    ``durableClient`` (host-semantics §A2.1 step 2).
    """
    from azfn.meta import get_binding_registry

    converter = get_binding_registry().get(binding_type)
    if converter is None:
        return binding_type != "durableClient"
    check: object = getattr(converter, "has_implicit_output", None)
    return bool(check()) if callable(check) else False


def type_hints(func: Callable[..., object]) -> dict[str, object]:
    """Return the resolved annotations, as the worker reads them (``typing.get_type_hints``)."""
    target = inspect.unwrap(func) if hasattr(func, "__wrapped__") else func
    try:
        return dict(typing.get_type_hints(target))
    except Exception:  # noqa: BLE001  # unresolvable: the raw annotations, as validation reports
        return dict(getattr(target, "__annotations__", None) or {})


def _is_out(annotation: object) -> bool:
    origin = typing.get_origin(annotation) or annotation
    return isinstance(origin, type) and any(c.__name__ == "Out" for c in origin.__mro__)


def value_type(annotation: object) -> object:
    """Return the annotation the converter checks: ``T`` for ``Out[T]``."""
    if _is_out(annotation):
        args = typing.get_args(annotation)
        return args[0] if args else inspect.Parameter.empty
    return annotation


def _parameters(
    name: str, func: Callable[..., object], bindings: Sequence[BindingInfo]
) -> tuple[ParameterInfo, ...]:
    from azfn.meta import get_binding_registry

    registry = get_binding_registry()
    by_name = {b.name: b for b in bindings if b.name != _RETURN}
    hints = type_hints(func)
    params: list[ParameterInfo] = []
    unbound: list[str] = []
    for pname in inspect.signature(func).parameters:
        annotation = hints.get(pname, inspect.Parameter.empty)
        binding = by_name.get(pname)
        if binding is None:
            if pname == "context":
                params.append(ParameterInfo(pname, None, annotation, True, False, False))
            else:
                unbound.append(pname)
            continue
        checked = value_type(annotation)
        generic = registry.get(binding.type) is None or (
            (checked is str or checked is bytes) and not has_implicit_output(binding.type)
        )
        is_out = binding.direction == "out" or _is_out(annotation)
        params.append(ParameterInfo(pname, binding, annotation, False, is_out, generic))
    missing = [b for b in by_name if b not in {p.name for p in params}]
    if unbound or missing:
        problems: list[Problem] = []
        if unbound:
            problems.append(
                Problem(
                    name,
                    "the following parameters are declared in Python but not in "
                    f"function.json: {{{', '.join(map(repr, sorted(unbound)))}}}",
                )
            )
        if missing:
            problems.append(
                Problem(
                    name,
                    "the following parameters are declared in function.json but not "
                    f"in Python: {{{', '.join(map(repr, sorted(missing)))}}}",
                )
            )
        raise FunctionLoadError(problems)
    return tuple(params)


def _build(
    name: str,
    func: Callable[..., object],
    directory: str,
    bindings: tuple[BindingInfo, ...],
    retry: RetryPolicySpec | None,
    http_type: str,
) -> FunctionInfo:
    triggers = [b for b in bindings if b.is_trigger and b.direction == "in"]
    if len(triggers) != 1:
        raise FunctionLoadError(
            [Problem(name, f"a function needs exactly one trigger, found {len(triggers)}")]
        )
    explicit = next((b for b in bindings if b.name == _RETURN), None)
    implicit = [b for b in bindings if b.name != _RETURN and has_implicit_output(b.type)]
    info = FunctionInfo(
        name=name,
        func=func,
        directory=directory,
        bindings=bindings,
        trigger=triggers[0],
        inputs=tuple(b for b in bindings if b.direction == "in" and not b.is_trigger),
        outputs=tuple(b for b in bindings if b.direction == "out"),
        # The worker keeps the last implicit-output binding it meets.
        return_binding=explicit or (implicit[-1] if implicit else None),
        is_async=inspect.iscoroutinefunction(func),
        retry=retry,
        http_type=http_type,
        parameters=_parameters(name, func, bindings),
    )
    # The worker runs the extensions' load hooks after loading each function.
    from azfn.extension.invocation import run_function_load_hooks

    run_function_load_hooks(name, directory)
    return info


def function_info(function: Function[..., object], directory: str) -> FunctionInfo:
    """Build the host's view of one v2 (decorator) function.

    Args:
        function: The indexed function (``app.get_functions()`` item).
        directory: The app directory (``context.function_directory``).

    Returns:
        The function, its parameters classified as the worker does.

    Raises:
        FunctionLoadError: Its parameters do not match its bindings, or it
            lacks a trigger.
    """
    from azfn.host._retry import retry_policy

    name = function.get_function_name()
    bindings = tuple(BindingInfo.from_metadata(b.to_metadata()) for b in function.get_bindings())
    func: Callable[..., object] = function.get_user_function()
    trigger = function.get_trigger()
    tool = getattr(trigger, "tool", None) if trigger is not None else None
    if tool is not None and trigger is not None:
        func = mcp_tool_wrapper(tool.function, trigger)
    return _build(
        name,
        func,
        directory,
        bindings,
        retry_policy(function.get_settings_dict("retry_policy")),
        function.http_type,
    )


# v1 (function.json) functions (host-semantics §A1.2).

_APP_PACKAGE = "__app__"


def _app_package(root: Path) -> None:
    """Make ``__app__`` a namespace package rooted at *root*, as the worker does.

    Modules of another app imported under ``__app__`` before are dropped, so
    two v1 projects with the same folder names can load in one process.
    """
    import importlib.machinery
    import importlib.util

    package = sys.modules.get(_APP_PACKAGE)
    if package is None:
        spec = importlib.machinery.ModuleSpec(_APP_PACKAGE, None, is_package=True)
        spec.submodule_search_locations = []
        package = importlib.util.module_from_spec(spec)
        sys.modules[_APP_PACKAGE] = package
    locations: list[str] = package.__path__  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]  # a plain list: ours
    location = os.fspath(root)
    if locations[:1] != [location]:
        locations[:] = [location]
        prefix = _APP_PACKAGE + "."
        for module_name in [m for m in sys.modules if m.startswith(prefix)]:
            del sys.modules[module_name]
        import importlib

        importlib.invalidate_caches()


def _load_script(name: str, folder: Path, script_file: str, entry_point: str) -> object:
    import importlib

    root = folder.parent.resolve()
    script = (folder / script_file).resolve()
    try:
        relative = script.relative_to(root)
    except ValueError:
        raise RuntimeError(
            f"script path {script_file} is not relative to the specified directory {folder}"
        ) from None
    module_name, ext = os.path.splitext(relative.parts[-1])
    if ext != ".py":
        raise RuntimeError(f"cannot load function {name}: invalid Python filename {script_file}")
    parts = [_APP_PACKAGE, *relative.parts[:-1]]
    if module_name.lower() != "__init__":
        parts.append(module_name)
    _app_package(root)
    module = importlib.import_module(".".join(parts))
    func: object = getattr(module, entry_point, None)
    if func is None or not callable(func):
        raise RuntimeError(
            f"cannot load function {name}: function {entry_point}() is not present in "
            f"{relative.as_posix()}"
        )
    return func


def _v1_problems(
    name: str, func: Callable[..., object], raw: Sequence[Mapping[str, JSONValue]]
) -> list[Problem]:
    from azfn._validation import function_problems
    from azfn.bindings.generic import GenericInputBinding
    from azfn.bindings.generic import GenericOutputBinding
    from azfn.bindings.generic import GenericTrigger

    problems: list[Problem] = []
    converted: list[Binding] = []
    for item in raw:
        bname = str(item.get("name", ""))
        btype = str(item.get("type", ""))
        direction = str(item.get("direction", "in")).lower()
        if direction == "inout":
            problems.append(Problem(name, '"inout" bindings are not supported', bname))
            continue
        if bname == _RETURN and direction != "out":
            problems.append(Problem(name, '"$return" binding must have direction set to "out"'))
            continue
        if direction == "out":
            converted.append(GenericOutputBinding(arg_name=bname, type=btype))
        elif btype.lower().endswith("trigger"):
            converted.append(GenericTrigger(arg_name=bname, type=btype))
        else:
            converted.append(GenericInputBinding(arg_name=bname, type=btype))
    return problems + function_problems(name, func, converted, {})


def function_info_from_json(
    name: str, folder: Path, function_json: Mapping[str, object]
) -> FunctionInfo:
    """Load one v1 function from its folder and parsed ``function.json``.

    The script (``scriptFile``, default ``__init__.py``) is imported as the
    worker does, as ``__app__.<Folder>[.<module>]`` with ``__app__`` rooted
    at the app directory (the folder's parent), so relative imports work;
    ``entryPoint`` (default ``main``) is the function.

    Args:
        name: The function name (the folder's name).
        folder: The function's folder.
        function_json: The parsed ``function.json``.

    Returns:
        The function; ``directory`` is the function folder.

    Raises:
        FunctionLoadError: The script cannot be loaded or its signature does
            not match its bindings, with the worker's messages.
    """
    from azfn.host._retry import retry_policy

    script_file = str(function_json.get("scriptFile") or "__init__.py")
    entry_point = str(function_json.get("entryPoint") or "main")
    raw_bindings: object = function_json.get("bindings") or []
    if not isinstance(raw_bindings, list):
        raise FunctionLoadError([Problem(name, "function.json 'bindings' must be a list")])
    raw = [
        typing.cast("Mapping[str, JSONValue]", b)
        for b in typing.cast("list[object]", raw_bindings)
        if isinstance(b, dict)
    ]
    try:
        loaded = _load_script(name, folder, script_file, entry_point)
    except Exception as exc:
        message = str(exc) if isinstance(exc, RuntimeError) else f"{type(exc).__name__}: {exc}"
        raise FunctionLoadError([Problem(name, message)]) from exc
    func = typing.cast("Callable[..., object]", loaded)
    problems = _v1_problems(name, func, raw)
    if problems:
        raise FunctionLoadError(problems)
    retry_raw = function_json.get("retry")
    retry = (
        retry_policy(typing.cast("Mapping[str, object]", retry_raw))
        if isinstance(retry_raw, dict)
        else None
    )
    bindings = tuple(BindingInfo.from_metadata(b) for b in raw)
    return _build(name, func, str(folder), bindings, retry, "function")


# MCP tools: the worker calls a wrapper that reads the tool's arguments.


def _mcp_block(obj: object) -> bool:
    from azfn.mcp import is_mcp_sdk_type

    return is_mcp_sdk_type(obj) or getattr(type(obj), "__mcp_content__", False) is True


def _as_list(obj: object) -> list[object] | None:
    return typing.cast("list[object]", obj) if isinstance(obj, list) else None


def _text_result(text: str) -> str:
    content = json.dumps({"type": "text", "text": text})
    return json.dumps({"type": "text", "content": content, "structuredContent": text})


def mcp_tool_result(result: object, *, use_result_schema: bool) -> str:
    """Return what the reference's MCP tool wrapper returns for *result*.

    ``None`` is ``""``; without a result schema a ``str`` as is, else
    ``str(result)``; with one, the JSON envelopes the reference builds
    (``call_tool_result`` for an MCP SDK ``CallToolResult`` or a list of
    content blocks, the block's own type for an SDK block, ``text`` with
    structured content otherwise). Fix: a list of other values is
    serialised instead of returning ``None``.
    """
    import dataclasses

    from azfn.mcp import is_call_tool_result
    from azfn.mcp import is_mcp_sdk_type
    from azfn.mcp import serialize_content_block

    if result is None:
        return ""
    if not use_result_schema:
        return result if isinstance(result, str) else str(result)
    if is_call_tool_result(result):
        full = serialize_content_block(result)
        structured = full.get("structuredContent")
        return json.dumps(
            {
                "type": "call_tool_result",
                "content": json.dumps(full),
                "structuredContent": None if structured is None else json.dumps(structured),
            }
        )
    items = _as_list(result)
    if items and _mcp_block(items[0]):
        blocks = [serialize_content_block(b) for b in items]
        return json.dumps(
            {
                "type": "call_tool_result",
                "content": json.dumps({"content": blocks}),
                "structuredContent": None,
            }
        )
    if is_mcp_sdk_type(result):
        block = serialize_content_block(result)
        text = json.dumps(block)
        return json.dumps(
            {"type": block.get("type", "text"), "content": text, "structuredContent": text}
        )
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        return _text_result(json.dumps(dataclasses.asdict(result)))
    if hasattr(result, "__dict__"):
        return _text_result(json.dumps(vars(result)))
    return _text_result(result if isinstance(result, str) else json.dumps(result))


def mcp_tool_wrapper(target: Callable[..., object], trigger: Binding) -> Callable[..., object]:
    """Return the callable the worker invokes for an ``@app.mcp_tool()`` function.

    The wrapper takes the tool's other bindings and the trigger's payload
    (a JSON text with ``arguments``), calls *target* with each parameter
    annotated ``MCPToolContext`` given the whole payload and the others
    given the argument of their name (unconverted), awaits a coroutine
    result and returns :func:`mcp_tool_result`.
    """
    from azfn.mcp import MCPToolContext

    signature = inspect.signature(target)
    hints = type_hints(target)
    arg_name = trigger.name
    use_schema = bool(getattr(trigger, "use_result_schema", False))
    names = trigger.worker_parameters(list(signature.parameters))

    async def wrapper(**kwargs: object) -> str:
        payload = kwargs.pop(arg_name, None)
        if isinstance(payload, (str, bytes, bytearray)):
            loaded: object = json.loads(payload)
        else:
            loaded = payload
        content = typing.cast("dict[str, object]", loaded) if isinstance(loaded, dict) else {}
        arguments_raw: object = content.get("arguments")
        arguments = (
            typing.cast("dict[str, object]", arguments_raw)
            if isinstance(arguments_raw, dict)
            else {}
        )
        call: dict[str, object] = {}
        for name in signature.parameters:
            if hints.get(name) is MCPToolContext:
                call[name] = content
            elif name in arguments:
                call[name] = arguments[name]
        call.update(kwargs)
        result = target(**call)
        if inspect.isawaitable(result):
            result = await result
        return mcp_tool_result(result, use_result_schema=use_schema)

    wrapper.__name__ = getattr(target, "__name__", "wrapper")
    wrapper.__qualname__ = getattr(target, "__qualname__", "wrapper")
    wrapper.__doc__ = target.__doc__
    parameters = [inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD) for n in names]
    wrapper.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]  # what the worker reads
    return wrapper
