# pyright: strict
"""Test-client benchmarks: what a test pays for going through the in-process host.

* ``client.get`` of an HTTP hello world against the same route served by
  Flask's test client (goal: at most half its time). Flask is imported here
  only; without it that benchmark is skipped with a message.
* ``client.invoke`` of a queue function against the manual way users write
  today: build a ``QueueMessage`` and call ``get_user_function()`` (goal: at
  most 3x). What ``invoke`` does on top, per call: check the inputs, build
  the message on the direct path (``azfn/host/_deliveries.py``; its
  metadata, generated or overridden by JSON properties, is made when first
  read: this function reads only the body), attribute and capture the
  invocation's logs, apply the return rules and report the result. In
  callgrind instructions that is ~2.1x the manual call (60 k against 28 k);
  wall time weighs a little more (``nox -s bench`` printed 2.1 to 2.7 on a
  shared 2-core machine), because the pipeline's ~20 functions miss the
  instruction cache and mispredict branches more than one call does.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from _harness import Benchmark

import azfn as func
from azfn.testing import Client

if TYPE_CHECKING:
    from collections.abc import Callable


def hello_app() -> func.FunctionApp:
    """An app with one anonymous HTTP hello world."""
    app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)

    @app.route("hello/{name}", methods=["GET"])
    def hello(req: func.HttpRequest) -> func.HttpResponse:
        return func.HttpResponse(f"Hello, {req.route_params['name']}!")

    return app


def azfn_get() -> Callable[[], object]:
    """``client.get`` through routing, binding, invocation and conversion."""
    client = Client(hello_app())

    def run() -> object:
        resp = client.get("/api/hello/ada")
        assert resp.status_code == 200, resp
        return resp.get_body()

    return run


def flask_get() -> Callable[[], object] | None:
    """The same route through Flask's test client; ``None`` when Flask is missing."""
    try:
        import flask
    except ImportError:
        return None
    app = flask.Flask("bench")

    @app.get("/api/hello/<name>")
    def hello(name: str) -> str:
        return f"Hello, {name}!"

    client = app.test_client()

    def run() -> object:
        resp = client.get("/api/hello/ada")
        assert resp.status_code == 200, resp
        return resp.get_data()

    return run


def queue_app() -> func.FunctionApp:
    """An app with one queue function that reads its message."""
    app = func.FunctionApp()

    @app.queue_trigger("msg", queue_name="orders", connection="AzureWebJobsStorage")
    def process(msg: func.QueueMessage) -> None:
        assert msg.get_json() == {"id": 7}

    return app


def client_invoke() -> Callable[[], object]:
    """``client.invoke`` with a plain str message."""
    client = Client(queue_app())

    def run() -> object:
        return client.invoke("process", msg='{"id": 7}')

    return run


def manual_invoke() -> Callable[[], object]:
    """What users write today: build the message, call the user function."""
    (function,) = queue_app().get_functions()
    user_function = function.get_user_function()

    def run() -> object:
        return user_function(func.QueueMessage(id="1", body=b'{"id": 7}', dequeue_count=1))

    return run


def benchmarks() -> list[Benchmark]:
    """The test-client benchmarks."""
    result: list[Benchmark] = []
    flask = flask_get()
    if flask is None:
        print(
            "testing: skipped 'client.get vs Flask test client': Flask is not installed "
            "(pip install flask)",
            file=sys.stderr,
        )
    else:
        result.append(
            Benchmark(
                name="testing: client.get of an HTTP hello world vs Flask's test client",
                goal=0.5,
                ours=azfn_get(),
                baseline=flask,
                baseline_name="Flask test client",
                repeat=30,
                number=300,
            )
        )
    result.append(
        Benchmark(
            name="testing: client.invoke of a queue function vs QueueMessage + user function",
            goal=3.0,
            ours=client_invoke(),
            baseline=manual_invoke(),
            baseline_name="manual call",
            # Short calls (~8 and ~20 us): many short alternations let both
            # sides' best runs come from the same machine states.
            repeat=100,
            number=100,
        )
    )
    return result
