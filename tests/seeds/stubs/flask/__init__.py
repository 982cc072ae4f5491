"""Stand-in for ``flask``, NOT the real package: just enough for the seed samples.

``Flask`` registers view functions with ``route`` (``<name>`` placeholders)
and is a small working WSGI app that returns their text.
"""

from __future__ import annotations

import re
import typing

if typing.TYPE_CHECKING:
    from collections.abc import Callable
    from collections.abc import Iterable

__all__ = ["Flask"]

View = typing.Callable[..., typing.Any]
StartResponse = typing.Callable[[str, list[tuple[str, str]]], typing.Any]


class Flask:
    """A WSGI app with a ``route`` decorator (stand-in)."""

    def __init__(self, import_name: str, **options: typing.Any) -> None:
        self.import_name = import_name
        self.options = options
        self.rules: list[tuple[frozenset[str], re.Pattern[str], View]] = []

    def route(self, rule: str, methods: Iterable[str] = ("GET",)) -> Callable[[View], View]:
        parts = re.split(r"<(?:\w+:)?(\w+)>", rule.lstrip("/"))
        # Even items are literal text, odd items variable names.
        regex = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>[^/]+)" for i, part in enumerate(parts)
        )
        pattern = re.compile(f"^/?{regex}$")

        def register(view: View) -> View:
            self.rules.append((frozenset(m.upper() for m in methods), pattern, view))
            return view

        return register

    def __call__(
        self, environ: dict[str, typing.Any], start_response: StartResponse
    ) -> list[bytes]:
        path = str(environ.get("PATH_INFO", "/"))
        method = str(environ.get("REQUEST_METHOD", "GET"))
        for methods, pattern, view in self.rules:
            match = pattern.match(path)
            if match and method in methods:
                body = str(view(**match.groupdict())).encode()
                start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
                return [body]
        start_response("404 NOT FOUND", [("Content-Type", "text/plain")])
        return [b"Not Found"]
