"""``SettingsApi``: function-level settings other than the name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from azfn._app.decorators import Decorator
from azfn._app.decorators import DecoratorApi
from azfn.settings import RetryPolicy

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["SettingsApi"]


class SettingsApi(DecoratorApi):
    """Decorators for function-level settings."""

    def retry(
        self,
        strategy: str,
        max_retry_count: str | int,
        delay_interval: str | None = None,
        minimum_interval: str | None = None,
        maximum_interval: str | None = None,
        setting_extra_fields: Mapping[str, object] | None = None,
    ) -> Decorator:
        """Re-run failed invocations: ``fixed_delay`` or ``exponential_backoff``.

        Intervals are ``HH:MM:SS``; *max_retry_count* ``-1`` retries forever.
        """
        policy = RetryPolicy(
            strategy,
            max_retry_count,
            delay_interval,
            minimum_interval,
            maximum_interval,
            setting_extra_fields,
        )
        return self._decorator(lambda builder: builder.add_setting(policy))
