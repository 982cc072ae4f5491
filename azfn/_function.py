"""``Function``: one indexed function, as the Python worker reads it.

A ``Function`` is what ``FunctionBuilder.build()`` and ``app.get_functions()``
return. The worker uses exactly these members: ``get_user_function``,
``get_function_name``, ``get_bindings`` (``name``/``type``/``direction``/
``data_type``), ``get_raw_bindings``, ``get_settings_dict("retry_policy")`` and
``function_script_file``.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring_ascii as quote  # what json.dumps uses
from typing import TYPE_CHECKING
from typing import Generic
from typing import ParamSpec
from typing import TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable

    from azfn.bindings._base import Binding
    from azfn.bindings._base import JSONValue
    from azfn.settings import Setting

__all__ = ["SCRIPT_FILE_NAME", "Function"]

P = ParamSpec("P")
R = TypeVar("R")

#: What every v2 function's ``scriptFile`` says; the worker treats it as a
#: placeholder for the app's script.
SCRIPT_FILE_NAME = "function_app.py"


class Function(Generic[P, R]):
    """A function with its trigger, bindings and settings.

    Calling it calls the user's function.
    """

    def __init__(self, func: Callable[P, R], script_file: str = SCRIPT_FILE_NAME) -> None:
        self._func = func
        self._trigger: Binding | None = None
        self._bindings: list[Binding] = []
        self._settings: dict[str, Setting] = {}
        self.function_script_file = script_file
        self.http_type = "function"

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        return self._func(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<Function {self.get_function_name()!r}>"

    def add_binding(self, binding: Binding) -> None:
        """Add an input or output binding (or the trigger, see add_trigger)."""
        self._bindings.append(binding)

    def add_trigger(self, trigger: Binding) -> None:
        """Set the trigger; a function has exactly one.

        Raises:
            ValueError: the function already has a trigger.
        """
        if self._trigger is not None:
            raise ValueError(
                f"function {self.get_function_name()!r} already has the trigger "
                f"{self._trigger.type!r} ({self._trigger.name}); a function has "
                f"exactly one trigger, so {trigger.type!r} ({trigger.name}) "
                "belongs on a function of its own"
            )
        self._trigger = trigger
        self._bindings.append(trigger)

    def add_setting(self, setting: Setting) -> None:
        """Add (or replace) a function-level setting."""
        self._settings[setting.setting_name] = setting

    def set_http_type(self, http_type: str) -> None:
        """Set how HTTP requests reach the function (function, asgi, wsgi)."""
        self.http_type = http_type

    def get_user_function(self) -> Callable[P, R]:
        """Return the callable the host invokes: the user's function."""
        return self._func

    def get_function_name(self) -> str:
        """Return the ``function_name`` setting, else the Python name."""
        setting = self._settings.get("function_name")
        if setting is not None:
            return str(setting.get_settings_value("function_name"))
        return str(getattr(self._func, "__name__", type(self._func).__name__))

    def get_trigger(self) -> Binding | None:
        """Return the trigger binding, or ``None``."""
        return self._trigger

    def get_bindings(self) -> list[Binding]:
        """Return every binding, trigger included, in the order applied."""
        return list(self._bindings)

    def get_raw_bindings(self) -> list[str]:
        """Return one JSON string per binding: what the host receives."""
        return [b.to_json() for b in self._bindings]

    def get_metadata(self) -> dict[str, JSONValue]:
        """Return the function's metadata as a JSON-ready dict."""
        return {
            "scriptFile": self.function_script_file,
            "bindings": [b.to_metadata() for b in self._bindings],
        }

    def get_bindings_dict(self) -> dict[str, list[dict[str, object]]]:
        """Return ``{"bindings": [...]}`` with enum objects kept."""
        return {"bindings": [b.get_dict_repr() for b in self._bindings]}

    def get_dict_repr(self) -> dict[str, object]:
        """Return ``scriptFile`` and bindings with enum objects kept."""
        return {"scriptFile": self.function_script_file, **self.get_bindings_dict()}

    def get_function_json(self) -> str:
        """Return the function's metadata as a JSON string."""
        bindings = ", ".join([b.to_json() for b in self._bindings])
        script = self.function_script_file
        script = quote(script) if type(script) is str else json.dumps(script)
        return f'{{"scriptFile": {script}, "bindings": [{bindings}]}}'

    def __str__(self) -> str:
        return self.get_function_json()

    def get_setting(self, setting_name: str) -> Setting | None:
        """Return the setting called *setting_name*, or ``None``."""
        return self._settings.get(setting_name)

    def get_settings_dict(self, setting_name: str) -> dict[str, object] | None:
        """Return the setting's snake_case dict, or ``None``."""
        setting = self._settings.get(setting_name)
        return None if setting is None else setting.get_dict_repr()

    def is_http_function(self) -> bool:
        """Return whether an HTTP request triggers the function."""
        return self._trigger is not None and self._trigger.type == "httpTrigger"
