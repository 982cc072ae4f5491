"""What a type checker sees of the binding types (checked by mypy and pyright).

Not collected by pytest.
"""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus

from typing_extensions import assert_type

import azfn as func

# Out[T]: concrete, generic, typed get() and set().
out = func.Out[str]()
out.set("value")
assert_type(out.get(), str | None)
assert_type(out.values, list[str])
out.set(42)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
numbers: func.Out[list[int]] = func.Out()
numbers.set([1, 2])

# HttpRequest: typed constructor and accessors.
req = func.HttpRequest(
    "post",
    "https://example.org/api/items?x=1",
    headers={"Content-Type": "application/json"},
    params={"y": "2"},
    route_params={"id": "7"},
    body=b'{"a": 1}',
)
assert_type(req.method, str)
assert_type(req.url, str)
assert_type(req.get_body(), bytes)
assert_type(req.get_json(), func.JSONValue)
assert_type(req.params, Mapping[str, str])
assert_type(req.route_params, Mapping[str, str])
assert_type(req.cookies, Mapping[str, str])
assert_type(req.headers.get("content-type"), str | None)
func.HttpRequest("GET", "/")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]

# HttpResponse: body, status (int or HTTPStatus), JSON helper, cookies.
resp = func.HttpResponse("hello", status_code=HTTPStatus.CREATED, mimetype="text/plain")
assert_type(resp.status_code, int)
assert_type(resp.get_body(), bytes)
assert_type(resp.mimetype, str)
assert_type(resp.charset, str)
created = func.HttpResponse.json({"id": 7}, status_code=201)
assert_type(created, func.HttpResponse)
created.set_cookie("session", "abc", httponly=True)
func.HttpResponse("x", 201)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]

# Context and the trigger types are constructible.
context = func.Context()
assert_type(context.invocation_id, str)
message = func.QueueMessage(body=b"hi", dequeue_count=2)
assert_type(message.get_body(), bytes)
assert_type(message.dequeue_count, int | None)
timer = func.TimerRequest(past_due=True)
assert_type(timer.past_due, bool)
stream = func.InputStream(data=b"abc", name="c/b.txt")
assert_type(stream.read(), bytes)
