# Seed sample: v1 function reading the invocation context
# Origin: 001 (French dev guide) lines 946-951;
#   identical in 003 (Korean dev guide) lines 391-396 and 004 (Chinese dev guide) lines 941-946.
# Verbatim.

import azure.functions


def main(req: azure.functions.HttpRequest,
         context: azure.functions.Context) -> str:
    return f'{context.invocation_id}'
