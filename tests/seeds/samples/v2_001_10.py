# Seed sample: v2 AsgiFunctionApp wrapping a FastAPI app
# Origin: 001 (French dev guide) lines 922-934;
#   identical in 004 (Chinese dev guide) lines 917-929.
#   Imports fastapi: tests use tests/seeds/stubs.
# Edits (everything else is verbatim):
#   - trailing spaces removed from 8 lines (text-extraction damage).

# function_app.py

import azure.functions as func
from fastapi import FastAPI, Request, Response

fast_app = FastAPI()

@fast_app.get("/return_http_no_body")
async def return_http_no_body():
    return Response(content="", media_type="text/plain")

app = func.AsgiFunctionApp(app=fast_app,
                           http_auth_level=func.AuthLevel.ANONYMOUS)
