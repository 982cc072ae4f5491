# Seed sample: v1 HTTP trigger with a queue output (Korean edition's variant)
# Origin: 003 (Korean dev guide) lines 204-212 (function.json: 181-203).
#   Differs from v1_001_4: connection AzureWebJobsStorage in function.json, blank lines.
# Verbatim.

import azure.functions as func


def main(req: func.HttpRequest,
         msg: func.Out[func.QueueMessage]) -> str:

    message = req.params.get('body')
    msg.set(message)
    return message
