# Seed sample: v2 HTTP streaming upload (azurefunctions-extensions-http-fastapi)
# Origin: 001 (French dev guide) lines 551-571;
#   identical in 004 (Chinese dev guide) lines 546-566.
#   Imports azurefunctions.extensions.http.fastapi: tests use tests/seeds/stubs.
# Verbatim.

import azure.functions as func
from azurefunctions.extensions.http.fastapi import JSONResponse, Request

app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)


@app.route(route="streaming_upload", methods=[func.HttpMethod.POST])
async def streaming_upload(req: Request) -> JSONResponse:
    """Handle streaming upload requests."""
    # Process each chunk of data as it arrives
    async for chunk in req.stream():
        process_data_chunk(chunk)

    # Once all data is received, return a JSON response indicating successful processing
    return JSONResponse({"status": "Data uploaded and processed successfully"})


def process_data_chunk(chunk: bytes):
    """Process each data chunk."""
    # Add custom processing logic here
    pass
