"""A tiny side-by-side benchmark harness: ratios, not absolute times.

Each benchmark times azfn and the reference (``azure-functions``) in the same
process, alternating runs, and reports the ratio of their best times against
a goal. Absolute times on shared machines are noisy; ratios measured side by
side are not (much).
"""

from __future__ import annotations

import dataclasses
import gc
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable


@dataclasses.dataclass(frozen=True)
class Benchmark:
    """One comparison: *ours* against *baseline*, which should take at most *goal* x."""

    name: str
    goal: float
    ours: Callable[[], object]
    baseline: Callable[[], object]
    baseline_name: str = "azure-functions 1.26.0"
    repeat: int = 15
    number: int = 1


@dataclasses.dataclass(frozen=True)
class Result:
    """Best times of both sides and their ratio."""

    benchmark: Benchmark
    ours: float
    baseline: float

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline

    @property
    def ok(self) -> bool:
        return self.ratio <= self.benchmark.goal

    def __str__(self) -> str:
        verdict = "ok" if self.ok else "OVER GOAL"
        return (
            f"{self.benchmark.name}: ratio {self.ratio:.3f} (goal <= {self.benchmark.goal}) "
            f"[azfn {self.ours * 1e3:.3f} ms, {self.benchmark.baseline_name} "
            f"{self.baseline * 1e3:.3f} ms] {verdict}"
        )


def measure(benchmark: Benchmark) -> Result:
    """Time both sides alternately and keep each side's best run."""
    best_ours = best_base = float("inf")
    for _ in range(benchmark.repeat):
        for side in ("ours", "baseline"):
            func = benchmark.ours if side == "ours" else benchmark.baseline
            # As timeit does: collect first, and keep the collector out of the
            # timed region so one side's garbage does not bill the other.
            gc.collect()
            gc.disable()
            try:
                start = time.perf_counter()
                for _ in range(benchmark.number):
                    reported = func()
                elapsed = (time.perf_counter() - start) / benchmark.number
            finally:
                gc.enable()
            if isinstance(reported, float):
                # The callable timed itself (e.g. an import in a subprocess).
                elapsed = reported
            if side == "ours":
                best_ours = min(best_ours, elapsed)
            else:
                best_base = min(best_base, elapsed)
    return Result(benchmark, best_ours, best_base)
