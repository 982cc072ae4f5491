"""Run every benchmark and print ratios: ``nox -s bench`` (or ``python tests/benchmarks/run.py``).

Each ``bench_*.py`` module beside this file defines ``benchmarks() ->
list[Benchmark]``. Pass names (substrings) to run a subset. Exits 1 when a
ratio is over its goal.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _harness import measure  # noqa: E402


def main(argv: list[str]) -> int:
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    failed = 0
    for name in modules:
        module = importlib.import_module(name)
        for benchmark in module.benchmarks():
            if argv and not any(a in benchmark.name for a in argv):
                continue
            result = measure(benchmark)
            print(result, flush=True)
            failed += not result.ok
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
