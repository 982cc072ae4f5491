# pyright: strict
"""App settings as environment variables during invocations (host-semantics §A1).

The existing environment wins; a setting applied by overlapping invocations
(threads, tasks) is counted so it is removed only when the last one ends.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["apply_settings", "restore_settings"]

_LOCK = threading.Lock()
_refs: dict[str, int] = {}


def apply_settings(settings: Mapping[str, str] | None) -> list[str]:
    """Set the settings missing from ``os.environ``; return what to restore."""
    applied: list[str] = []
    if not settings:
        return applied
    with _LOCK:
        for key, value in settings.items():
            if key in _refs:
                _refs[key] += 1
            elif key in os.environ:
                continue  # the existing environment wins
            else:
                os.environ[key] = value
                _refs[key] = 1
            applied.append(key)
    return applied


def restore_settings(applied: list[str]) -> None:
    """Undo :func:`apply_settings`."""
    if not applied:
        return
    with _LOCK:
        for key in applied:
            _refs[key] -= 1
            if not _refs[key]:
                del _refs[key]
                os.environ.pop(key, None)
