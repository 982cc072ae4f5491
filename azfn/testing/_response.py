# pyright: strict
"""The test client's HTTP response."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from azfn._headers import HttpResponseHeaders

if TYPE_CHECKING:
    from collections.abc import Iterable

    from azfn.bindings._base import JSONValue
    from azfn.host._invoker import InvocationResult

__all__ = ["Response"]


def _cookie(line: str) -> tuple[str, str] | None:
    pair = line.split(";", 1)[0]
    name, sep, value = pair.partition("=")
    if not sep or not name.strip():
        return None
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return name.strip(), value


class Response:
    """What the host sent back for a request made with :class:`~azfn.testing.Client`.

    Attributes:
        status_code: The status code (``404`` when no route matched).
        function: The name of the function that handled the request;
            ``None`` when none did (404, 401, the homepage).
        invocation: The function's :class:`~azfn.testing.Invocation`
            (return value, outputs, logs, context...); ``None`` when no
            function ran.
    """

    __slots__ = ("_body", "_headers", "_lines", "function", "invocation", "status_code")

    def __init__(
        self,
        status_code: int,
        headers: Iterable[tuple[str, str]] = (),
        body: bytes = b"",
        *,
        function: str | None = None,
        invocation: InvocationResult | None = None,
    ) -> None:
        self.status_code = status_code
        self._lines = list(headers)
        self._headers: HttpResponseHeaders | None = None
        self._body = body
        self.function = function
        self.invocation = invocation

    @property
    def headers(self) -> HttpResponseHeaders:
        """The headers: case-insensitive, multi-valued (``headers.getlist("Set-Cookie")``)."""
        if self._headers is None:
            self._headers = HttpResponseHeaders(self._lines)
        return self._headers

    def get_body(self) -> bytes:
        """Return the body."""
        return self._body

    @property
    def body(self) -> bytes:
        """The body (as :meth:`get_body`)."""
        return self._body

    @property
    def content_type(self) -> str | None:
        """The ``Content-Type`` header, or ``None``."""
        for name, value in self._lines:
            if name.lower() == "content-type":
                return value
        return None

    @property
    def mimetype(self) -> str:
        """The media type without parameters, lower-case (``""`` when there is none)."""
        return (self.content_type or "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str:
        """The ``charset`` of ``Content-Type``, ``utf-8`` when absent."""
        for parameter in (self.content_type or "").split(";")[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                return value.strip().strip('"')
        return "utf-8"

    @property
    def text(self) -> str:
        """The body decoded with :attr:`charset` (invalid bytes replaced)."""
        try:
            return self._body.decode(self.charset, errors="replace")
        except LookupError:
            return self._body.decode("utf-8", errors="replace")

    def get_json(self) -> JSONValue:
        """Return the body parsed as JSON.

        Raises:
            ValueError: The body is not JSON (an empty body included).
        """
        try:
            return json.loads(self._body.decode(self.charset))  # type: ignore[no-any-return]
        except (ValueError, LookupError) as exc:
            preview = self._body[:60]
            raise ValueError(
                f"the response body is not JSON ({exc}); status {self.status_code}, "
                f"body {preview!r}{'...' if len(self._body) > 60 else ''}"
            ) from None

    @property
    def cookies(self) -> dict[str, str]:
        """The cookies the response sets (``Set-Cookie``), by name; the last one wins."""
        result: dict[str, str] = {}
        for line in self.headers.getlist("set-cookie"):
            cookie = _cookie(line)
            if cookie is not None:
                result[cookie[0]] = cookie[1]
        return result

    @property
    def ok(self) -> bool:
        """Whether the status code is below 400."""
        return self.status_code < 400

    def __repr__(self) -> str:
        by = f" from {self.function!r}" if self.function else ""
        kind = f" {self.content_type}" if self.content_type else ""
        return f"<Response {self.status_code}{kind} ({len(self._body)} bytes){by}>"
