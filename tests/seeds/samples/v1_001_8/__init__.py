# Seed sample: v1 HTTP trigger template (headers, get_json, status_code=400)
# Origin: 001 (French dev guide) lines 765-783;
#   identical in 003 (Korean dev guide) lines 287-305 and 004 (Chinese dev guide) lines 760-778.
# Edits (everything else is verbatim):
#   - the doc's fragment uses func without importing it: the import (marked 'added') is supplied.

# added: (prelude the doc leaves out)
import azure.functions as func
# end of added lines

def main(req: func.HttpRequest) -> func.HttpResponse:
    headers = {"my-http-header": "some-value"}

    name = req.params.get('name')
    if not name:
        try:
            req_body = req.get_json()
        except ValueError:
            pass
        else:
            name = req_body.get('name')

    if name:
        return func.HttpResponse(f"Hello {name}!", headers=headers)
    else:
        return func.HttpResponse(
             "Please pass a name on the query string or in the request body",
             headers=headers, status_code=400
        )
