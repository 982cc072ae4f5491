"""``azure.functions.decorators.function_name`` for azfn: the function-name setting."""

from __future__ import annotations

from azfn.settings import FunctionName
from azfn.settings import Setting

__all__ = ["FUNCTION_NAME", "FunctionName", "Setting"]

#: The setting's name in ``Function.get_settings_dict``.
FUNCTION_NAME = "function_name"
