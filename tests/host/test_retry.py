"""Tests for retry policies and in-process retries (azfn/host/_retry.py)."""

from __future__ import annotations

import datetime
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import azfn as func
from azfn.host import InvocationRequest
from azfn.host import RetryPolicySpec
from azfn.host import function_info
from azfn.host import invoke_sync
from azfn.host._retry import JITTER
from azfn.host._retry import UNBOUNDED_RETRIES
from azfn.host._retry import max_attempts
from azfn.host._retry import retry_delay
from azfn.host._retry import retry_delays
from azfn.host._retry import retry_policy
from azfn.meta import Datum

_SECOND = datetime.timedelta(seconds=1)


def _exponential(count: int = 5, low: float = 1, high: float = 60) -> RetryPolicySpec:
    return RetryPolicySpec(
        "exponential_backoff",
        count,
        minimum_interval=datetime.timedelta(seconds=low),
        maximum_interval=datetime.timedelta(seconds=high),
    )


def test_policy_from_settings_dict() -> None:
    """host-semantics §A6.3: `@app.retry` arguments (HH:MM:SS intervals) become a policy."""
    fixed = retry_policy(
        {"strategy": "fixed_delay", "max_retry_count": "2", "delay_interval": "00:00:05"}
    )
    assert fixed == RetryPolicySpec("fixed_delay", 2, delay_interval=5 * _SECOND)
    host_json = retry_policy(
        {
            "strategy": "exponentialBackoff",
            "maxRetryCount": 3,
            "minimumInterval": "00:00:02",
            "maximumInterval": "00:15:00",
        }
    )
    assert host_json == _exponential(3, 2, 900)
    assert retry_policy(None) is None


def test_unknown_strategy_is_exponential() -> None:
    """host-semantics §A6.3: a strategy other than fixed_delay is exponential backoff."""
    policy = retry_policy({"strategy": "whatever", "max_retry_count": 1})
    assert policy is not None
    assert policy.strategy == "exponential_backoff"


def test_attempts_are_max_retry_count_plus_one() -> None:
    """host-semantics §A6.3: maxRetryCount extra attempts; -1 (forever) is capped in process."""
    assert max_attempts(None) == 1
    assert max_attempts(_exponential(3)) == 4
    assert max_attempts(_exponential(-1)) == UNBOUNDED_RETRIES + 1


def test_fixed_delay() -> None:
    """host-semantics §A6.3: fixed delay waits delayInterval before every retry."""
    policy = RetryPolicySpec("fixed_delay", 3, delay_interval=7 * _SECOND)
    assert retry_delays(policy, 3) == [7 * _SECOND] * 3


def test_exponential_is_deterministic_by_default() -> None:
    """host-semantics §A6.3: the jitter is seeded, so delays repeat (and a Random can be given)."""
    policy = _exponential()
    assert retry_delays(policy, 4) == retry_delays(policy, 4)
    assert retry_delays(policy, 4, rng=random.Random(1)) == retry_delays(
        policy, 4, rng=random.Random(1)
    )


@given(
    retry=st.integers(min_value=1, max_value=80),
    low=st.floats(min_value=0.001, max_value=100),
    high=st.floats(min_value=0.001, max_value=10_000),
    seed=st.integers(),
)
def test_exponential_delay_bounds(retry: int, low: float, high: float, seed: int) -> None:
    """host-semantics §A6.3: min * 2^(k-1) * jitter in [0.8, 1.2], capped at max."""
    policy = _exponential(low=low, high=high)
    delay = retry_delay(policy, retry, random.Random(seed)).total_seconds()
    base = low * 2.0 ** (retry - 1)
    assert delay <= high + 1e-6
    if base * JITTER[1] <= high:
        assert base * JITTER[0] - 1e-6 <= delay <= base * JITTER[1] + 1e-6


def test_retry_numbers_start_at_one() -> None:
    """host-semantics §A6.3: delays are computed before retries 1, 2, ..."""
    with pytest.raises(ValueError, match="start at 1"):
        retry_delay(_exponential(), 0)


def _flaky(
    fail_times: int, strategy: str = "fixed_delay"
) -> tuple[func.FunctionApp, list[func.Context]]:
    app = func.FunctionApp()
    contexts: list[func.Context] = []

    @app.timer_trigger(arg_name="timer", schedule="0 */5 * * * *")
    @app.retry(
        strategy=strategy,
        max_retry_count="3",
        delay_interval="00:00:10",
        minimum_interval="00:00:01",
        maximum_interval="00:00:30",
    )
    def tick(timer: func.TimerRequest, context: func.Context) -> None:
        contexts.append(context)
        if len(contexts) <= fail_times:
            raise RuntimeError(f"fail {len(contexts)}")

    return app, contexts


def _timer_request(app: func.FunctionApp) -> InvocationRequest:
    (function,) = app.get_functions()
    return InvocationRequest(function_info(function, "/app"), {"timer": Datum("{}", "json")})


def test_retries_until_success() -> None:
    """host-semantics §A6.3: re-run in process, RetryContext counts 0, 1, 2 with the previous error."""
    app, contexts = _flaky(2)
    result = invoke_sync(_timer_request(app), retries=True)
    assert result.exception is None
    assert result.attempts == 3
    assert [c.retry_context.retry_count for c in contexts] == [0, 1, 2]
    assert {c.retry_context.max_retry_count for c in contexts} == {3}
    assert contexts[0].retry_context.exception.message == ""
    assert contexts[2].retry_context.exception.message == "RuntimeError: fail 2"
    assert result.retry_delays == [10 * _SECOND] * 2
    assert result.context is contexts[-1]


def test_retries_exhausted() -> None:
    """host-semantics §A6.3: maxRetryCount + 1 attempts, then the last exception."""
    app, contexts = _flaky(10, "exponential_backoff")
    result = invoke_sync(_timer_request(app), retries=True, raise_exceptions=False)
    assert result.attempts == 4
    assert len(contexts) == 4
    assert str(result.exception) == "fail 4"
    assert len(result.retry_delays) == 3
    assert all(d <= 30 * _SECOND for d in result.retry_delays)
    with pytest.raises(RuntimeError, match="fail"):
        invoke_sync(_timer_request(_flaky(10)[0]), retries=True)


def test_no_retries_unless_asked() -> None:
    """host-semantics §A6.3: retries are opt-in in process; the context still shows the policy."""
    app, contexts = _flaky(1)
    result = invoke_sync(_timer_request(app), raise_exceptions=False)
    assert (result.attempts, result.retry_delays) == (1, [])
    assert contexts[0].retry_context.max_retry_count == 3
