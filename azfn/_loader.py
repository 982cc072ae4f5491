"""Find and import a function app the way the Python worker does.

``load_app(target)`` accepts a folder holding ``function_app.py`` (the
worker's layout), a ``.py`` file, or ``module:attribute``. Like the worker it
imports the script by its stem with the app folder on ``sys.path`` and looks
for exactly one module-level ``FunctionRegister`` (host-semantics §A1.1).
Unlike the worker it turns an import failure into one readable message that
points at the user's line, and it warns about blueprints that were declared
but never registered, which the worker silently ignores.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import os
import re
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from azfn._app.register import Blueprint
from azfn._app.register import FunctionRegister
from azfn.errors import AzfnError

if TYPE_CHECKING:
    from types import ModuleType

    from azfn._app.decorators import DecoratorApi

__all__ = ["AppLoadError", "LoadedApp", "load_app"]

_SCRIPT_NAME = re.compile(r"[a-zA-Z0-9_][a-zA-Z0-9_\-]*\.py\Z")
DEFAULT_SCRIPT = "function_app.py"


class AppLoadError(AzfnError):
    """The app could not be found or imported."""


@dataclasses.dataclass(frozen=True)
class LoadedApp:
    """An imported app and what was noticed while finding it."""

    app: FunctionRegister
    module: ModuleType
    directory: Path
    warnings: tuple[str, ...] = ()


def load_app(target: str | os.PathLike[str] | None = None) -> LoadedApp:
    """Import the app named by *target* (default: the current folder).

    Raises:
        AppLoadError: the path, module or app does not exist, the import
            failed, or there is not exactly one app in the module.
    """
    text = os.fspath(target) if target is not None else "."
    path = Path(text)
    if ":" in text and not path.exists():
        module_name, _, attribute = text.rpartition(":")
        return _load_attribute(module_name, attribute)
    if path.is_dir():
        script = os.environ.get("PYTHON_SCRIPT_FILE_NAME", DEFAULT_SCRIPT)
        if not _SCRIPT_NAME.match(script):
            raise AppLoadError(f"Invalid file name: {script} (PYTHON_SCRIPT_FILE_NAME)")
        path = path / script
        if not path.is_file():
            raise AppLoadError(
                f"{path.parent.resolve()} has no {script}: pass the folder that "
                "holds your function_app.py, a .py file, or module:attribute"
            )
    elif not path.is_file():
        raise AppLoadError(
            f"{text!r} is neither a folder, a .py file nor module:attribute (e.g. function_app:app)"
        )
    module = _import_file(path.resolve())
    app, warnings = _find_app(module, path.name)
    return LoadedApp(app, module, path.resolve().parent, warnings)


def _import_file(path: Path) -> ModuleType:
    folder = str(path.parent)
    if folder not in sys.path:
        # The worker puts the app root on sys.path; so do we, for the app's
        # own imports (helpers, blueprints) to resolve.
        sys.path.insert(0, folder)
    name = path.stem
    existing = sys.modules.get(name)
    existing_file = getattr(existing, "__file__", None)
    if existing is not None and existing_file and Path(existing_file).resolve() == path:
        return existing  # already imported (by a test module, say): one app, not two
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:  # pragma: no cover - .py files always load
        raise AppLoadError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    previous = sys.modules.get(name)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException as exc:
        if previous is not None:
            sys.modules[name] = previous
        else:
            sys.modules.pop(name, None)
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        raise AppLoadError(_describe_import_error(path, exc)) from exc
    return module


def _load_attribute(module_name: str, attribute: str) -> LoadedApp:
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:
        raise AppLoadError(_describe_import_error(Path(module_name), exc)) from exc
    app = getattr(module, attribute, None)
    if not isinstance(app, FunctionRegister):
        found = "nothing" if app is None else f"a {type(app).__name__}"
        raise AppLoadError(
            f"{module_name}:{attribute} is {found}, not a FunctionApp (or another "
            "FunctionRegister): name the module-level app object"
        )
    directory = Path(getattr(module, "__file__", None) or ".").resolve().parent
    return LoadedApp(app, module, directory, tuple(_unregistered(module, app)))


def _find_app(module: ModuleType, script: str) -> tuple[FunctionRegister, tuple[str, ...]]:
    # The worker scans module.__dir__() in definition order.
    apps = [v for k in module.__dir__() if isinstance(v := getattr(module, k), FunctionRegister)]
    if not apps:
        raise AppLoadError(
            f"Could not find top level function app instances in {script}: "
            "create one at module level, e.g. app = func.FunctionApp()"
        )
    distinct = list({id(a): a for a in apps}.values())
    if len(distinct) > 1:
        raise AppLoadError(
            f"More than one {type(distinct[0]).__name__} or other top level function "
            f"app instances are defined in {script}: keep one app and register "
            "the other functions on it through a Blueprint"
        )
    return distinct[0], tuple(_unregistered(module, distinct[0]))


def _unregistered(module: ModuleType, app: FunctionRegister) -> list[str]:
    registered = {id(bp) for bp in app._blueprints}  # same package
    warnings: list[str] = []
    for name, value in vars(module).items():
        if isinstance(value, Blueprint) and id(value) not in registered and _has_functions(value):
            warnings.append(
                f"the Blueprint {name!r} has functions but is not registered on the "
                f"app, so the host ignores them: call app.register_functions({name})"
            )
    return warnings


def _has_functions(container: DecoratorApi) -> bool:
    return bool(container._function_builders)


def _describe_import_error(path: Path, exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    azfn_dir = str(Path(__file__).parent)
    user = [
        f for f in frames if not f.filename.startswith(azfn_dir) and "importlib" not in f.filename
    ]
    where = ""
    if isinstance(exc, SyntaxError) and exc.filename:
        where = f" ({exc.filename}, line {exc.lineno})"
    elif user:
        last = user[-1]
        where = f" ({last.filename}, line {last.lineno}: {last.line})"
    hint = ""
    if isinstance(exc, ModuleNotFoundError):
        hint = (
            f"; install {exc.name!r} in this environment (and list it in "
            "requirements.txt for Azure)"
        )
    return f"importing {path} failed: {type(exc).__name__}: {exc}{where}{hint}"
