# Seed sample: v2 HTTP trigger template (Core Tools / VS Code), HttpTrigger1 on route hello
# Origin: 001 (French dev guide) lines 793-813;
#   identical in 004 (Chinese dev guide) lines 788-808.
# Edits (everything else is verbatim):
#   - the doc shows only the decorated function: the imports and the app (marked 'added') are supplied.
#   - the odd 5-space indentation of the body is the doc's own and is kept.

# added: (prelude the doc leaves out)
import logging

import azure.functions as func

app = func.FunctionApp()
# end of added lines

@app.function_name(name="HttpTrigger1")
@app.route(route="hello")
def test_function(req: func.HttpRequest) -> func.HttpResponse:
     logging.info('Python HTTP trigger function processed a request.')

     name = req.params.get('name')
     if not name:
        try:
            req_body = req.get_json()
        except ValueError:
            pass
        else:
            name = req_body.get('name')

     if name:
        return func.HttpResponse(f"Hello, {name}. This HTTP-triggered function executed successfully.")
     else:
        return func.HttpResponse(
             "This HTTP-triggered function executed successfully. Pass a name in the query string or in the request body for a personalized response.",
             status_code=200
        )
