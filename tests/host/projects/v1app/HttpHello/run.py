from __future__ import annotations

import azfn as func

from .helper import greeting


def main(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse(greeting(req.route_params["name"]))
