# Seed sample: v1 ASGI with a bare AsgiMiddleware name (deck / Korean variant)
# Origin: 002 (intro deck) lines 325-334;
#   identical in 003 (Korean dev guide) lines 370-379 (function.json: 003 lines 317-337).
#   Imports fastapi: tests use tests/seeds/stubs.
#   AsgiMiddleware is never imported in the doc: main() would raise NameError when called.
# Edits (everything else is verbatim):
#   - the doc's fragment uses fastapi and func without importing them: the imports (marked 'added') are supplied.

# added: (prelude the doc leaves out)
import fastapi

import azure.functions as func
# end of added lines

app=fastapi.FastAPI()

@app.get("hello/{name}")
async def get_name(
  name: str,):
  return {
      "name": name,}

def main(req: func.HttpRequest, context: func.Context) -> func.HttpResponse:
    return AsgiMiddleware(app).handle(req, context)
