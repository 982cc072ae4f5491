"""The ``azfn`` command line.

``azfn functions [APP] [--json]`` lists an app's functions, or prints their
metadata as the host reads it; ``azfn check [APP]`` reports every problem
the worker or host would find. APP is a folder holding ``function_app.py``
(default: the current folder), a ``.py`` file, or ``module:attribute``.

Exit codes: 0 success, 1 the app has problems, 2 the app could not be loaded
or the command line is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING
from typing import TextIO

from azfn._loader import AppLoadError
from azfn._loader import LoadedApp
from azfn._loader import load_app
from azfn.errors import FunctionLoadError
from azfn.errors import Problem

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from azfn._function import Function
    from azfn.bindings._base import JSONValue

__all__ = ["main"]

_DEFAULT_PREFIX = "api"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="azfn", description="Inspect and check Azure Functions Python apps."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    app_help = "folder holding function_app.py (default: .), a .py file, or module:attribute"
    functions = commands.add_parser("functions", help="list the app's functions")
    functions.add_argument("app", nargs="?", default=".", metavar="APP", help=app_help)
    functions.add_argument(
        "--json", action="store_true", help="print the metadata the host reads, as JSON"
    )
    check = commands.add_parser("check", help="report every problem in the app")
    check.add_argument("app", nargs="?", default=".", metavar="APP", help=app_help)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        loaded = load_app(args.app)
    except AppLoadError as exc:
        print(f"azfn: {exc}", file=err)
        return 2
    for warning in loaded.warnings:
        print(f"warning: {warning}", file=err)
    if args.command == "check":
        return _check(loaded, out)
    try:
        functions = loaded.app.get_functions()
    except FunctionLoadError as exc:
        _print_problems(exc.problems, err)
        print("run `azfn check` for the same list; fix these and try again", file=err)
        return 1
    if args.json:
        json.dump([_host_metadata(f, loaded) for f in functions], out, indent=2)
        out.write("\n")
    else:
        _print_table(functions, _route_prefix(loaded.directory), out)
    return 0


def _check(loaded: LoadedApp, out: TextIO) -> int:
    problems = loaded.app.validate()
    if problems:
        _print_problems(problems, out)
        return 1
    count = len(loaded.app.get_functions())
    print(f"OK: {count} function{'s' if count != 1 else ''}, no problems found", file=out)
    return 0


def _print_problems(problems: Sequence[Problem], out: TextIO) -> None:
    by_function: dict[str | None, list[Problem]] = {}
    for problem in problems:
        by_function.setdefault(problem.function, []).append(problem)
    print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found:", file=out)
    for function, found in by_function.items():
        print(f"\n{function or '(app)'}:", file=out)
        for problem in found:
            print(f"  - {problem.message}", file=out)


def _route_prefix(directory: Path) -> str:
    try:
        host = json.loads((directory / "host.json").read_text(encoding="utf-8"))
        prefix = host["extensions"]["http"]["routePrefix"]
    except (OSError, ValueError, KeyError, TypeError):
        return _DEFAULT_PREFIX
    return prefix.strip("/") if isinstance(prefix, str) else _DEFAULT_PREFIX


def _describe_trigger(function: Function[..., object], prefix: str) -> str:
    trigger = function.get_trigger()
    if trigger is None:  # pragma: no cover - get_functions() guarantees one
        return ""
    meta = trigger.to_metadata()
    if function.is_http_function():
        methods = meta.get("methods")
        verbs = ",".join(str(m) for m in methods) if isinstance(methods, list) else "ANY"
        route = str(meta.get("route", "")).strip("/")
        path = "/" + "/".join(part for part in (prefix, route) if part)
        return f"{verbs} {path}"
    skip = {"direction", "type", "name", "dataType"}
    details = [
        f"{key}={value if isinstance(value, str) else json.dumps(value)}"
        for key, value in meta.items()
        if key not in skip
    ]
    return " ".join(details)


def _print_table(functions: Sequence[Function[..., object]], prefix: str, out: TextIO) -> None:
    rows = [
        (
            f.get_function_name(),
            str(getattr(f.get_trigger(), "type", "")),
            _describe_trigger(f, prefix),
        )
        for f in sorted(functions, key=lambda f: f.get_function_name().lower())
    ]
    if not rows:
        print("the app has no functions", file=out)
        return
    header = ("NAME", "TRIGGER", "DETAILS")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(2)]
    for name, trigger, details in [header, *rows]:
        print(f"{name:<{widths[0]}}  {trigger:<{widths[1]}}  {details}".rstrip(), file=out)


def _host_metadata(function: Function[..., object], loaded: LoadedApp) -> dict[str, JSONValue]:
    """Return the function as the worker reports it to the host (§A1.1)."""
    import uuid  # only here: importing it costs more than the rest of the CLI

    name = function.get_function_name()
    metadata: dict[str, JSONValue] = {
        "name": name,
        "functionId": str(uuid.uuid5(uuid.NAMESPACE_OID, name)),
        "directory": str(loaded.directory),
        "scriptFile": function.function_script_file,
        "entryPoint": name,
        "language": "python",
        "bindings": [json.loads(raw) for raw in function.get_raw_bindings()],
        "properties": {"worker_indexed": "True"},
    }
    retry = function.get_settings_dict("retry_policy")
    if retry is not None:
        metadata["retryOptions"] = {
            k: v for k, v in retry.items() if k != "setting_name" and isinstance(v, (str, int))
        }
    return metadata
