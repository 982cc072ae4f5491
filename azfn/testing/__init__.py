# pyright: strict
"""Test function apps in-process, with the host's rules: ``from azfn.testing import Client``.

::

    from azfn.testing import Client

    client = Client(app)                         # a FunctionApp, a Blueprint, or a folder
    resp = client.get("/api/items/42", query={"q": "x"})
    assert resp.status_code == 200 and resp.get_json() == {"id": "42"}
    inv = client.invoke("process_order", msg=b'{"id": 7}')   # inputs by binding name
    inv.outputs["$return"], inv.logs, inv.context

Not imported by ``import azfn``. Names load on first access, so the pytest
plugin (:mod:`azfn.testing.pytest_plugin`) costs little to import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from azfn.host._invoker import InvocationResult as Invocation
    from azfn.testing._client import Client
    from azfn.testing._recorder import Recorded
    from azfn.testing._response import Response
    from azfn.testing._settings import AppSettings

__all__ = ["AppSettings", "Client", "Invocation", "Recorded", "Response"]

_LAZY = {
    "AppSettings": ("azfn.testing._settings", "AppSettings"),
    "Client": ("azfn.testing._client", "Client"),
    "Invocation": ("azfn.host._invoker", "InvocationResult"),
    "Recorded": ("azfn.testing._recorder", "Recorded"),
    "Response": ("azfn.testing._response", "Response"),
}


def __getattr__(name: str) -> object:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'azfn.testing' has no attribute {name!r}")
    value: object = getattr(importlib.import_module(target[0]), target[1])
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
