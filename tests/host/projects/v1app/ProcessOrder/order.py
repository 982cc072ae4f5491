from __future__ import annotations

import azfn as func  # noqa: TC001  # the worker reads the annotations at runtime


def handle(msg: func.QueueMessage, receipt: func.Out[str]) -> None:
    receipt.set(msg.get_body().decode())
