"""A blueprint: functions declared apart from the app and registered on it."""

from __future__ import annotations

import azfn as func

bp = func.Blueprint()


@bp.route(route="hello/{name?}", methods=["GET"])
def hello(req: func.HttpRequest) -> func.HttpResponse:
    """Greet the caller by the name in the route or the query string."""
    name = req.route_params.get("name") or req.params.get("name") or "world"
    return func.HttpResponse(f"Hello, {name}!")
