"""``azure.functions.decorators.retry_policy`` for azfn: the retry setting."""

from __future__ import annotations

from azfn.settings import RetryPolicy
from azfn.settings import Setting

__all__ = ["RETRY_POLICY", "RetryPolicy", "Setting"]

#: The setting's name in ``Function.get_settings_dict`` (what the worker reads).
RETRY_POLICY = "retry_policy"
