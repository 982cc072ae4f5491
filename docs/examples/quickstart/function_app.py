"""A small function app: HTTP routes, a queue pipeline, a timer and a blueprint.

Run ``azfn functions docs/examples/quickstart`` to list it and
``azfn check docs/examples/quickstart`` to validate it.
"""

from __future__ import annotations

import json
import logging

from greetings import bp

import azfn as func

app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)
app.register_functions(bp)


@app.route(route="orders", methods=["POST"])
@app.queue_output(arg_name="outbox", queue_name="orders", connection="AzureWebJobsStorage")
def place_order(req: func.HttpRequest, outbox: func.Out[str]) -> func.HttpResponse:
    """Accept an order and queue it for processing."""
    order = req.get_json()
    outbox.set(json.dumps(order))
    return func.HttpResponse(
        json.dumps({"queued": order["id"]}), status_code=202, mimetype="application/json"
    )


@app.queue_trigger(arg_name="msg", queue_name="orders", connection="AzureWebJobsStorage")
@app.blob_output(arg_name="receipt", path="receipts/{id}.json", connection="AzureWebJobsStorage")
def process_order(msg: func.QueueMessage, receipt: func.Out[str]) -> None:
    """Write a receipt for each queued order."""
    order = msg.get_json()
    receipt.set(json.dumps({"id": order["id"], "status": "processed"}))


@app.retry(strategy="fixed_delay", max_retry_count="3", delay_interval="00:00:10")
@app.timer_trigger(arg_name="timer", schedule="0 */5 * * * *", run_on_startup=False)
def cleanup(timer: func.TimerRequest) -> None:
    """Every five minutes, tidy up."""
    logging.info("cleanup ran; past due: %s", timer.past_due)
