"""An app with mistakes the host would only report as "0 functions found".

``azfn check docs/examples/broken`` lists them all, each with its fix.
"""

from __future__ import annotations

import azfn as func

app = func.FunctionApp()


# The route parameter is not a binding: it arrives in req.route_params.
@app.route(route="items/{id}")
def get_item(req: func.HttpRequest, id: str) -> func.HttpResponse:
    return func.HttpResponse(id)


# Two triggers on one function.
@app.route(route="jobs")
@app.queue_trigger(arg_name="msg", queue_name="jobs", connection="AzureWebJobsStorage")
def jobs(req: func.HttpRequest, msg: func.QueueMessage) -> None: ...


# Not a valid NCRONTAB schedule (six fields: second minute hour day month weekday).
@app.schedule(arg_name="timer", schedule="*/5 * * * * * *")
def tick(timer: func.TimerRequest) -> None: ...


# "admin" routes are reserved by the host.
@app.route(route="admin/users", methods=["GETS"])
def users(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse("")
