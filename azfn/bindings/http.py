"""HTTP: the ``httpTrigger`` trigger and the ``http`` output binding."""

from __future__ import annotations

from collections.abc import Iterable

from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.enums import AuthLevel
from azfn.enums import DataType
from azfn.enums import StringifyEnum

__all__ = ["HttpMethod", "HttpOutput", "HttpTrigger"]


def _route_problems(route: str) -> list[str]:
    # The route parser is imported when first needed, not with azfn.
    from azfn._routing import route_problems

    global _route_problems  # noqa: PLW0603  # replace this shim with the real function
    _route_problems = route_problems
    return route_problems(route)


class HttpMethod(str, StringifyEnum):
    """An HTTP method an HTTP trigger accepts."""

    GET = "GET"
    POST = "POST"
    DELETE = "DELETE"
    HEAD = "HEAD"
    PATCH = "PATCH"
    PUT = "PUT"
    OPTIONS = "OPTIONS"


class HttpTrigger(Trigger):
    """Run the function when an HTTP request matches its route and methods."""

    type = "httpTrigger"
    arg_name: str
    methods: Iterable[HttpMethod | str] | None = None
    """Methods accepted; ``None`` accepts every method."""
    data_type: DataType | str | None = None
    auth_level: AuthLevel | str | None = None
    """Key the request must carry; ``None`` takes the app's level at build."""
    route: str | None = None
    """Route template after the prefix (``items/{id:int}``); ``None`` is the
    function name."""

    def with_defaults(self, function_name: str, auth_level: AuthLevel | None) -> HttpTrigger:
        """Return this trigger with the defaults the host applies when indexing.

        The route defaults to the function's name and the auth level to the
        app's (host-semantics §A1.1), both decided only when the app is
        indexed because ``@function_name`` and the app may come later.
        """
        changes: dict[str, object] = {}
        if self.route is None:
            changes["route"] = function_name
        if self.auth_level is None and auth_level is not None:
            changes["auth_level"] = auth_level
        return self._copy(**changes) if changes else self

    def problems(self) -> list[str]:
        """Return bad values, including route templates the host rejects."""
        problems = super().problems()
        if self.route is not None:
            problems += _route_problems(self.route)
        return problems


class HttpOutput(OutputBinding):
    """The HTTP response: the function's return value by default."""

    type = "http"
    arg_name: str
    data_type: DataType | str | None = None
