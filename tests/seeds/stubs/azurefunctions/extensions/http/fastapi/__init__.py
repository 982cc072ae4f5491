"""Stand-in for ``azurefunctions-extensions-http-fastapi``, NOT the real package.

Just enough for the seed samples (tests/seeds/samples) to import: like the
real package, it re-exports FastAPI's request and response types, here those
of the ``fastapi`` stand-in next to it.
"""

from __future__ import annotations

from fastapi import JSONResponse
from fastapi import Request
from fastapi import Response
from fastapi import StreamingResponse

__all__ = ["JSONResponse", "Request", "Response", "StreamingResponse"]
