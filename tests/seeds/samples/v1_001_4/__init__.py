# Seed sample: v1 HTTP trigger with a queue output (func.Out[func.QueueMessage])
# Origin: 001 (French dev guide) lines 645-652 (function.json: 622-644);
#   identical in 004 (Chinese dev guide) lines 640-647 (617-639).
# Verbatim.

import azure.functions as func

def main(req: func.HttpRequest,
         msg: func.Out[func.QueueMessage]) -> str:

    message = req.params.get('body')
    msg.set(message)
    return message
