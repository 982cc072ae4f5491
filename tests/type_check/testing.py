"""What a type checker sees of azfn.testing (checked by mypy and pyright).

Not collected by pytest.
"""

from __future__ import annotations

import datetime
import logging
from typing import TYPE_CHECKING
from typing import Any

from typing_extensions import assert_type

import azfn as func
from azfn.meta import Datum
from azfn.testing import AppSettings
from azfn.testing import Client
from azfn.testing import Invocation
from azfn.testing import Response

if TYPE_CHECKING:
    from collections.abc import Coroutine

app = func.FunctionApp()
client = Client(app, raise_exceptions=False, settings={"KEY": "value"})
assert_type(client.get("/api/hello", query={"q": "x"}, headers={"X-Id": "1"}), Response)
assert_type(client.post("/api/items", json={"id": 7}), Response)
assert_type(client.request("PATCH", "/api/items/7", body=b"x"), Response)
client.get("/api/hello", quary={"q": "x"})  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
response = client.get("/api/hello")
assert_type(response.status_code, int)
assert_type(response.get_body(), bytes)
assert_type(response.text, str)
assert_type(client.invoke("process", msg="hello"), Invocation)
pending: Coroutine[Any, Any, Invocation] = client.ainvoke("process", msg="hello")
pending.close()
invocation = client.invoke("process", msg=func.QueueMessage(body=b"x"))
assert_type(invocation.return_value, object)
assert_type(invocation.outputs, dict[str, object])
Client(42)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
assert_type(invocation.context, func.Context)
assert_type(invocation.logs, list[logging.LogRecord])
assert_type(invocation.exception, "BaseException | None")
assert_type(invocation.encoded, dict[str, Datum])
assert_type(invocation.attempts, int)
assert_type(invocation.retry_delays, list[datetime.timedelta])
assert_type(invocation.binding_paths, dict[str, dict[str, str]])
assert_type(invocation.function.name, str)

with Client(app, now=datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc)) as frozen:
    assert_type(frozen, Client)
    assert_type(frozen.now, "datetime.datetime | None")
    frozen.now = None
client.close()

settings = AppSettings({"KEY": "value"})
assert_type(settings["KEY"], str)
settings["OTHER"] = "x"
settings["PORT"] = 7071  # type: ignore[assignment]  # pyright: ignore[reportArgumentType]
settings.restore()
