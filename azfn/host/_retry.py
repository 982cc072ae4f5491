# pyright: strict
"""Function-level retry policies (``@app.retry``), host-semantics §A6.3.

The host re-runs a failed invocation in process up to ``maxRetryCount``
extra times (``maxRetryCount + 1`` attempts), waiting between attempts:

- ``fixed_delay``: ``delay_interval`` before every retry;
- ``exponential_backoff``: before retry *k* (1, 2, ...)
  ``minimum_interval * 2 ** (k - 1) * jitter``, capped at
  ``maximum_interval``, where *jitter* is uniform in ``[0.8, 1.2]``.

The in-process host records these delays instead of sleeping. The jitter
comes from a :class:`random.Random` the caller passes in; by default one
seeded with :data:`DEFAULT_SEED`, so the same policy always yields the same
delays (tests can pin them).
"""

from __future__ import annotations

import datetime
import random
from typing import TYPE_CHECKING
from typing import Final

from azfn.host._model import RetryPolicySpec
from azfn.meta import parse_timedelta

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "DEFAULT_SEED",
    "JITTER",
    "UNBOUNDED_RETRIES",
    "max_attempts",
    "retry_delay",
    "retry_delays",
    "retry_policy",
]

#: The seed of the jitter generator when the caller gives none.
DEFAULT_SEED: Final = 0
#: The exponential backoff's random factor range.
JITTER: Final = (0.8, 1.2)
#: How many retries ``max_retry_count=-1`` ("forever") gets in process: a
#: function that always fails would otherwise never return.
UNBOUNDED_RETRIES: Final = 10


def _interval(value: object) -> datetime.timedelta | None:
    """Parse a .NET TimeSpan (``[d.]HH:MM:SS``); None for a missing value."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.timedelta):
        return value
    return parse_timedelta(str(value))


def retry_policy(settings: Mapping[str, object] | None) -> RetryPolicySpec | None:
    """Build a policy from ``Function.get_settings_dict("retry_policy")`` or host.json keys.

    Accepts snake_case keys (``max_retry_count``) and camelCase ones
    (``maxRetryCount``); a strategy other than ``fixed_delay``/``fixedDelay``
    is exponential backoff, as in the worker.

    Returns:
        The policy, or None when *settings* is None.

    Raises:
        ValueError: a count or interval cannot be parsed.
    """
    if settings is None:
        return None

    def get(snake: str, camel: str) -> object:
        value = settings.get(snake)
        return settings.get(camel) if value is None else value

    strategy_raw = str(get("strategy", "strategy") or "").lower().replace("_", "")
    count_raw = get("max_retry_count", "maxRetryCount")
    count = int(str(count_raw)) if count_raw is not None else 0
    if strategy_raw == "fixeddelay":
        return RetryPolicySpec(
            strategy="fixed_delay",
            max_retry_count=count,
            delay_interval=_interval(get("delay_interval", "delayInterval")),
        )
    return RetryPolicySpec(
        strategy="exponential_backoff",
        max_retry_count=count,
        minimum_interval=_interval(get("minimum_interval", "minimumInterval")),
        maximum_interval=_interval(get("maximum_interval", "maximumInterval")),
    )


def max_attempts(policy: RetryPolicySpec | None) -> int:
    """Return how many attempts the policy allows (``max_retry_count + 1``).

    ``-1`` (forever) is capped at :data:`UNBOUNDED_RETRIES` retries.
    """
    if policy is None:
        return 1
    retries = policy.max_retry_count
    if retries < 0:
        retries = UNBOUNDED_RETRIES
    return retries + 1


def retry_delay(
    policy: RetryPolicySpec, retry: int, rng: random.Random | None = None
) -> datetime.timedelta:
    """Return the delay before retry number *retry* (1 for the first retry).

    Args:
        policy: The function's retry policy.
        retry: Which retry is about to run, starting at 1.
        rng: The jitter source (exponential backoff only); by default a
            generator seeded with :data:`DEFAULT_SEED`.

    Returns:
        The delay; zero when the policy lacks its interval.

    Raises:
        ValueError: *retry* is less than 1.
    """
    if retry < 1:
        raise ValueError(f"retry numbers start at 1, got {retry}")
    if policy.strategy == "fixed_delay":
        return policy.delay_interval or datetime.timedelta(0)
    minimum = policy.minimum_interval or datetime.timedelta(0)
    maximum = policy.maximum_interval
    generator = rng if rng is not None else random.Random(DEFAULT_SEED)  # jitter, not crypto
    factor = generator.uniform(*JITTER)
    # Exponent capped so huge retry numbers cannot overflow timedelta.
    delay_seconds = minimum.total_seconds() * 2.0 ** min(retry - 1, 64) * factor
    if maximum is not None and delay_seconds > maximum.total_seconds():
        return maximum
    ceiling = datetime.timedelta.max.total_seconds() / 2
    return datetime.timedelta(seconds=min(delay_seconds, ceiling))


def retry_delays(
    policy: RetryPolicySpec, retries: int, *, rng: random.Random | None = None
) -> list[datetime.timedelta]:
    """Return the delays before retries 1..*retries*, drawing jitter from one generator.

    Args:
        policy: The function's retry policy.
        retries: How many retries.
        rng: The jitter source; by default seeded with :data:`DEFAULT_SEED`.
    """
    generator = rng if rng is not None else random.Random(DEFAULT_SEED)  # jitter, not crypto
    return [retry_delay(policy, k, generator) for k in range(1, retries + 1)]
