"""Registry benchmarks (issue: foundation).

- ``import azfn`` against ``import azure.functions``: the cumulative import
  time that ``-X importtime`` reports for the package, in a fresh interpreter,
  so interpreter start-up does not dilute the ratio. Goal <= 0.25.
- Decorating 1,000 HTTP functions, then ``get_functions()`` and
  ``get_function_json()`` on all. Goal <= 0.3.
"""

from __future__ import annotations

import compileall
import importlib
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from _harness import Benchmark

if TYPE_CHECKING:
    import types

FUNCTIONS = 1000


def _compile(package: str) -> None:
    # The reference's bytecode was compiled when pip installed it; compile
    # ours too (an editable install skips it), so neither side compiles.
    module = importlib.import_module(package)
    compileall.compile_dir(str(Path(module.__file__ or "").parent), quiet=1)


def _import_time(module: str) -> float:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
    )
    last = result.stderr.strip().splitlines()[-1]
    return int(last.split("|")[1]) / 1e6


def _app_source(package: str) -> str:
    lines = [f"import {package} as func", "app = func.FunctionApp()"]
    for i in range(FUNCTIONS):
        lines += [
            f'@app.route(route="items/{i}/{{id}}", methods=["GET", "POST"])',
            f"def f{i}(req):",
            "    return None",
        ]
    lines += ["for f in app.get_functions():", "    f.get_function_json()"]
    return "\n".join(lines)


def _runner(package: str) -> types.FunctionType:
    code = compile(_app_source(package), f"<{package} app>", "exec")
    __import__(package)

    def run() -> None:
        exec(code, {"__name__": "function_app"})

    return run  # type: ignore[return-value]


def benchmarks() -> list[Benchmark]:
    _compile("azfn")
    return [
        Benchmark(
            "import azfn",
            0.25,
            lambda: _import_time("azfn"),
            lambda: _import_time("azure.functions"),
            repeat=9,
        ),
        Benchmark(
            f"decorate {FUNCTIONS} HTTP functions, get_functions, get_function_json",
            0.3,
            _runner("azfn"),
            _runner("azure.functions"),
            repeat=25,
        ),
    ]
