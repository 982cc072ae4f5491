# pyright: strict
"""Load a function app into a :class:`~azfn.host.Project` (host-semantics §A1, §A4.3).

:func:`load_project` accepts what a test or the local host has at hand: a v2
app object (``FunctionApp`` or another ``FunctionRegister``), a ``Blueprint``
alone, a folder holding ``function_app.py`` (or that ``.py`` file), or a v1
folder of ``<Name>/function.json``. From a folder it also reads ``host.json``
(``extensions.http.routePrefix``) and ``local.settings.json`` (``Values``).
Every load-time problem the worker would report is collected and raised in one
:class:`~azfn.FunctionLoadError`.
"""

from __future__ import annotations

import json
import os
import sys
import typing
from pathlib import Path
from typing import TYPE_CHECKING

from azfn._app.register import Blueprint
from azfn._app.register import FunctionApp
from azfn._app.register import FunctionRegister
from azfn.errors import FunctionLoadError
from azfn.errors import Problem
from azfn.host._model import Project

if TYPE_CHECKING:
    from collections.abc import Mapping

    from azfn.bindings._base import JSONValue
    from azfn.host._model import FunctionInfo

__all__ = ["load_project", "read_host_json", "read_local_settings"]

DEFAULT_ROUTE_PREFIX = "api"

# Triggers for which Core Tools does not require AzureWebJobsStorage (§A4.3).
_NO_STORAGE = frozenset(
    {
        "httptrigger",
        "kafkatrigger",
        "rabbitmqtrigger",
        "orchestrationtrigger",
        "activitytrigger",
        "entitytrigger",
    }
)


def _read_json(path: Path) -> object:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise FunctionLoadError([Problem(None, f"cannot read {path}: {exc}")]) from None
    try:
        return typing.cast("object", json.loads(text))
    except ValueError as exc:
        raise FunctionLoadError([Problem(None, f"{path} is not valid JSON: {exc}")]) from None


def read_host_json(directory: Path) -> str:
    """Return the route prefix of *directory*'s ``host.json`` (``"api"`` without one).

    Raises:
        FunctionLoadError: host.json is not valid JSON or the prefix is not a string.
    """
    path = directory / "host.json"
    if not path.is_file():
        return DEFAULT_ROUTE_PREFIX
    data = _read_json(path)
    http: object = None
    if isinstance(data, dict):
        extensions = typing.cast("dict[str, object]", data).get("extensions")
        if isinstance(extensions, dict):
            http = typing.cast("dict[str, object]", extensions).get("http")
    prefix: object = None
    if isinstance(http, dict):
        prefix = typing.cast("dict[str, object]", http).get("routePrefix")
    if prefix is None:
        return DEFAULT_ROUTE_PREFIX
    if not isinstance(prefix, str):
        raise FunctionLoadError(
            [Problem(None, f"{path}: extensions.http.routePrefix must be a string, not {prefix!r}")]
        )
    return prefix.strip("/")


def read_local_settings(directory: Path) -> dict[str, str]:
    """Return the ``Values`` of *directory*'s ``local.settings.json`` ({} without one).

    Null values and empty keys are skipped, as Core Tools does (§A4.3).

    Raises:
        FunctionLoadError: the file is not valid JSON, is encrypted, or a value
            is not a string (Core Tools only takes strings).
    """
    path = directory / "local.settings.json"
    if not path.is_file():
        return {}
    data = _read_json(path)
    if not isinstance(data, dict):
        raise FunctionLoadError([Problem(None, f"{path} must hold a JSON object")])
    fields = typing.cast("dict[str, object]", data)
    if fields.get("IsEncrypted") is True:
        raise FunctionLoadError(
            [
                Problem(
                    None,
                    f"{path} is encrypted (IsEncrypted: true): decrypt it with "
                    "'func settings decrypt' or pass settings=... instead",
                )
            ]
        )
    values: object = fields.get("Values") or {}
    if not isinstance(values, dict):
        raise FunctionLoadError([Problem(None, f"{path}: 'Values' must be a JSON object")])
    settings: dict[str, str] = {}
    problems: list[Problem] = []
    for key, value in typing.cast("dict[str, object]", values).items():
        if not key or value is None:
            continue
        if not isinstance(value, str):
            problems.append(
                Problem(
                    None,
                    f"{path}: Values[{key!r}] is a {type(value).__name__} ({json.dumps(value)}); "
                    f"app settings are strings: write {json.dumps(json.dumps(value))}",
                )
            )
            continue
        settings[key] = value
    if problems:
        raise FunctionLoadError(problems)
    return settings


def _module_directory(func: object) -> Path | None:
    module = sys.modules.get(str(getattr(func, "__module__", "") or ""))
    filename = getattr(module, "__file__", None) if module is not None else None
    return Path(filename).resolve().parent if isinstance(filename, str) else None


def _sorted(functions: list[FunctionInfo]) -> dict[str, FunctionInfo]:
    # The host orders functions by name, ignoring case (§A3.4).
    return {f.name: f for f in sorted(functions, key=lambda f: (f.name.lower(), f.name))}


def _v2_functions(app: FunctionRegister, directory: Path | None) -> dict[str, FunctionInfo]:
    """Index *app*; *directory* ``None``: the folder of the module of its first function."""
    from azfn.host._functions import function_info

    problems = app.validate()
    if problems:
        raise FunctionLoadError(problems)
    infos: list[FunctionInfo] = []
    functions = app.get_functions()
    if directory is None:
        found = (_module_directory(f.get_user_function()) for f in functions)
        directory = next((d for d in found if d is not None), None) or Path.cwd()
    for function in functions:
        try:
            infos.append(function_info(function, os.fspath(directory)))
        except FunctionLoadError as exc:
            problems += exc.problems
    if problems:
        raise FunctionLoadError(problems)
    return _sorted(infos)


def _v1_functions(directory: Path) -> tuple[dict[str, FunctionInfo], list[str]]:
    from azfn.host._functions import function_info_from_json

    infos: list[FunctionInfo] = []
    problems: list[Problem] = []
    trigger_types: list[str] = []
    for path in sorted(directory.glob("*/function.json")):
        folder = path.parent
        name = folder.name
        try:
            data = _read_json(path)
        except FunctionLoadError as exc:
            problems += [Problem(name, p.message) for p in exc.problems]
            continue
        if not isinstance(data, dict):
            problems.append(Problem(name, f"{path} must hold a JSON object"))
            continue
        function_json = typing.cast("dict[str, JSONValue]", data)
        try:
            info = function_info_from_json(name, folder, function_json)
        except FunctionLoadError as exc:
            problems += exc.problems
            continue
        infos.append(info)
        trigger_types.append(info.trigger.type.lower())
    if problems:
        raise FunctionLoadError(problems)
    warnings: list[str] = []
    if any(t not in _NO_STORAGE for t in trigger_types):
        warnings.append(
            "Missing value for AzureWebJobsStorage in local.settings.json: Core Tools needs "
            "it for these triggers (use UseDevelopmentStorage=true with Azurite)"
        )
    return _sorted(infos), warnings


def _is_v1(directory: Path) -> bool:
    return any(directory.glob("*/function.json"))


def load_project(
    target: FunctionRegister | Blueprint | str | os.PathLike[str],
    *,
    settings: Mapping[str, str] | None = None,
    route_prefix: str | None = None,
    directory: str | os.PathLike[str] | None = None,
) -> Project:
    """Load an app the way the host and the Python worker do.

    Args:
        target: a ``FunctionApp`` (or other ``FunctionRegister``), a
            ``Blueprint`` (indexed alone with anonymous HTTP auth), a folder
            holding ``function_app.py`` or v1 ``<Name>/function.json``
            folders, or an app's ``.py`` file.
        settings: app settings; they win over ``local.settings.json`` Values.
        route_prefix: overrides host.json's ``extensions.http.routePrefix``.
        directory: for an app object, the project folder whose ``host.json``
            and ``local.settings.json`` apply (a path target has its own).

    Returns:
        The project: functions in host order, route prefix, settings, folder
        and warnings.

    Raises:
        FunctionLoadError: a function would be rejected (every problem listed),
            or host.json / local.settings.json is malformed.
        azfn._loader.AppLoadError: the folder has no app, or importing it failed.
        TypeError: *target* is none of the above.
    """
    folder = Path(os.fspath(directory)).resolve() if directory is not None else None
    app_dir: Path | None = None
    app_object: FunctionRegister | None = None
    warnings: list[str] = []
    file_settings: dict[str, str] = {}
    prefix = DEFAULT_ROUTE_PREFIX
    if isinstance(target, Blueprint):
        app = FunctionApp(http_auth_level="ANONYMOUS")
        app.register_functions(target)
        functions = _v2_functions(app, None)
        app_object = app
    elif isinstance(target, FunctionRegister):
        app_object = target
        functions = _v2_functions(target, folder)
        if folder is not None:
            app_dir = folder
            prefix = read_host_json(folder)
            file_settings = read_local_settings(folder)
    elif isinstance(target, (str, os.PathLike)):  # pyright: ignore[reportUnnecessaryIsInstance]
        path = Path(os.fspath(target))
        app_dir = (path if path.is_dir() else path.parent).resolve()
        if path.is_dir() and _is_v1(path) and not _has_v2_script(path):
            functions, warnings = _v1_functions(app_dir)
        else:
            from azfn._loader import load_app

            loaded = load_app(path)
            app_dir = loaded.directory
            app_object = loaded.app
            warnings = list(loaded.warnings)
            functions = _v2_functions(loaded.app, app_dir)
        prefix = read_host_json(app_dir)
        file_settings = read_local_settings(app_dir)
        if "AzureWebJobsStorage" in file_settings:
            warnings = [w for w in warnings if "AzureWebJobsStorage" not in w]
    else:
        raise TypeError(
            "load_project() takes a FunctionApp, a Blueprint, or the path of an app folder, "
            f"not {type(target).__name__}"
        )
    merged = {**file_settings, **(settings or {})}
    if settings and "AzureWebJobsStorage" in settings:
        warnings = [w for w in warnings if "AzureWebJobsStorage" not in w]
    return Project(
        functions=functions,
        route_prefix=(route_prefix if route_prefix is not None else prefix).strip("/"),
        settings=merged,
        directory=app_dir,
        warnings=tuple(warnings),
        app=app_object,
    )


def _has_v2_script(directory: Path) -> bool:
    script = os.environ.get("PYTHON_SCRIPT_FILE_NAME", "function_app.py")
    return (directory / script).is_file()
