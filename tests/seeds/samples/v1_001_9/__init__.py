# Seed sample: v1 ASGI: FastAPI app served through func.AsgiMiddleware
# Origin: 001 (French dev guide) lines 880-887 (function.json: 827-847, host.json: 851-876);
#   identical in 004 (Chinese dev guide) lines 875-882.
#   Imports fastapi: tests use tests/seeds/stubs.
# Edits (everything else is verbatim):
#   - the doc's fragment uses fastapi and func without importing them: the imports (marked 'added') are supplied.

# added: (prelude the doc leaves out)
import fastapi

import azure.functions as func
# end of added lines

app = fastapi.FastAPI()

@app.get("hello/{name}")
async def get_name(name: str):
  return {"name": name}

def main(req: func.HttpRequest, context: func.Context) -> func.HttpResponse:
    return func.AsgiMiddleware(app).handle(req, context)
