# Seed sample: v2 blob output declared by @app.write_blob -- and no trigger at all
# Origin: 001 (French dev guide) lines 658-670;
#   identical in 004 (Chinese dev guide) lines 653-665.
#   write_blob is the early name of blob_output; azure-functions 1.26.0 has no write_blob, so
#   golden.json was generated with blob_output substituted (see make_golden.py).
#   As written the function has no trigger: the reference refuses to index it.
# Verbatim.

# function_app.py
import azure.functions as func

app = func.FunctionApp()

@app.write_blob(arg_name="msg", path="output-container/{name}",
                connection="CONNECTION_STRING")
def test_function(req: func.HttpRequest,
                  msg: func.Out[str]) -> str:

    message = req.params.get('body')
    msg.set(message)
    return message
