# Seed sample: v2 HttpTrigger1 with type annotations
# Origin: 001 (French dev guide) lines 94-102;
#   identical in 004 (Chinese dev guide) lines 89-97.
# Verbatim.

import azure.functions as func

app = func.FunctionApp()

@app.function_name(name="HttpTrigger1")
@app.route(route="req")
def main(req: func.HttpRequest) -> str:
    user = req.params.get("user")
    return f"Hello, {user}!"
