# Seed sample: v2 HttpTrigger1 (function_name + route), no annotations
# Origin: 001 (French dev guide) lines 86-90;
#   identical in 004 (Chinese dev guide) lines 81-85.
# Edits (everything else is verbatim):
#   - the doc shows only the decorated function: the import and the app (marked 'added') are supplied.

# added: (prelude the doc leaves out)
import azure.functions as func

app = func.FunctionApp()
# end of added lines

@app.function_name(name="HttpTrigger1")
@app.route(route="req")
def main(req):
    user = req.params.get("user")
    return f"Hello, {user}!"
