"""A v2 app used by tests/host/test_project.py."""

from __future__ import annotations

import os

import azfn as func

app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)
bp = func.Blueprint()


@app.route(route="hello/{name}")
def hello(req: func.HttpRequest) -> func.HttpResponse:
    name = req.route_params["name"]
    return func.HttpResponse(f"hello {name} from {os.environ.get('GREETING_ENV')}")


@bp.function_name("Xarchive")
@bp.queue_trigger(arg_name="msg", queue_name="orders", connection="AzureWebJobsStorage")
def archive(msg: func.QueueMessage) -> None:
    return None


app.register_functions(bp)
