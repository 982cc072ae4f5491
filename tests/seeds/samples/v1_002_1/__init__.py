# Seed sample: v1 HTTP trigger with a queue output func.Out[str] (intro deck)
# Origin: 002 (intro deck) lines 122-128 (its queue binding, a lone binding object, is binding.json: 143-149).
#   As in the deck, logging is used without import and a str is returned for func.HttpResponse.
# Verbatim.

import azure.functions as func

def main(req: func.HttpRequest, msg: func.Out[str]) -> func.HttpResponse:
    input_msg = req.params.get('message')
    msg.set(input_msg)
    logging.info("Food order has been successfully processed and placed in the queue.")
    return 'Order has been successfully processed and placed in the queue.'
