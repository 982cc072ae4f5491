from __future__ import annotations

import azfn as func

app = func.FunctionApp()


@app.queue_trigger(arg_name="msg", queue_name="q", connection="AzureWebJobsStorage")
def consume(msg: func.QueueMessage) -> None:
    return None
