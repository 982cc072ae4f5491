# pyright: strict
"""App settings a test can change, restored afterwards: the ``azfn_settings`` fixture.

:class:`AppSettings` is a mutable view of a client's settings (the
``Values`` of ``local.settings.json`` plus any given to the client). Setting
or deleting a key changes it for the client's invocations and in
``os.environ`` at once, so code under test sees the same value whichever way
it reads it; :meth:`AppSettings.restore` puts both back.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["AppSettings"]


class AppSettings(MutableMapping[str, str]):
    """A client's app settings, changeable for one test.

    Args:
        values: The settings dict to change in place (a client's
            ``project.settings``).
    """

    def __init__(self, values: dict[str, str]) -> None:
        self._values = values
        self._saved: dict[str, tuple[str | None, str | None]] = {}

    def __getitem__(self, key: str) -> str:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __setitem__(self, key: str, value: str) -> None:
        if not isinstance(value, str):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise TypeError(
                f"app settings are strings (environment variables): got "
                f"{type(value).__name__} for {key!r}; pass str({value!r})"
            )
        self._remember(key)
        self._values[key] = value
        os.environ[key] = value

    def __delitem__(self, key: str) -> None:
        if key not in self._values:
            raise KeyError(key)
        self._remember(key)
        del self._values[key]
        os.environ.pop(key, None)

    def _remember(self, key: str) -> None:
        if key not in self._saved:
            self._saved[key] = (self._values.get(key), os.environ.get(key))

    @property
    def changed(self) -> tuple[str, ...]:
        """The keys changed since the last :meth:`restore`."""
        return tuple(self._saved)

    def restore(self) -> None:
        """Undo every change: the settings and ``os.environ`` as they were."""
        for key, (value, env) in self._saved.items():
            if value is None:
                self._values.pop(key, None)
            else:
                self._values[key] = value
            if env is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = env
        self._saved.clear()

    def __repr__(self) -> str:
        return f"AppSettings({self._values!r})"
