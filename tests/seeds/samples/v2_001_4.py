# Seed sample: v2 HTTP trigger with a blob input declared by @app.read_blob
# Origin: 001 (French dev guide) lines 398-408;
#   identical in 004 (Chinese dev guide) lines 393-403.
#   read_blob is the early name of blob_input; azure-functions 1.26.0 has no read_blob, so
#   golden.json was generated with blob_input substituted (see make_golden.py).
# Edits (everything else is verbatim):
#   - trailing spaces removed from 1 lines (text-extraction damage).

# function_app.py
import azure.functions as func
import logging

app = func.FunctionApp()

@app.route(route="req")
@app.read_blob(arg_name="obj", path="samples/{id}",
               connection="STORAGE_CONNECTION_STRING")
def main(req: func.HttpRequest, obj: func.InputStream):
    logging.info(f'Python HTTP-triggered function processed: {obj.read()}')
