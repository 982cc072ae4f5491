# pyright: strict
"""Test function apps in-process, with the host's rules: ``from azfn.testing import Client``.

::

    from azfn.testing import Client

    client = Client(app)                         # a FunctionApp, a Blueprint, or a folder
    resp = client.get("/api/items/42", query={"q": "x"})
    assert resp.status_code == 200 and resp.get_json() == {"id": "42"}
    inv = client.invoke("process_order", msg=b'{"id": 7}')   # inputs by binding name
    inv.outputs["$return"], inv.logs, inv.context

Not imported by ``import azfn``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from azfn.testing._client import Client
from azfn.testing._response import Response

if TYPE_CHECKING:
    from azfn.host._invoker import InvocationResult as Invocation

__all__ = ["Client", "Invocation", "Response"]


def __getattr__(name: str) -> object:
    if name == "Invocation":
        from azfn.host._invoker import InvocationResult

        globals()[name] = InvocationResult
        return InvocationResult
    raise AttributeError(f"module 'azfn.testing' has no attribute {name!r}")
