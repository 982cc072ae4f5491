# pyright: strict
"""Cookies: reading a request's ``Cookie`` header, writing ``Set-Cookie`` lines.

Values that are not plain cookie text are written double-quoted, with ``"``
and ``\\`` backslash-escaped and other bytes as ``\\ooo`` octal escapes (the
convention of Python's ``http.cookies`` and Werkzeug); the parser reverses it.
"""

from __future__ import annotations

import datetime
import re

__all__ = ["format_set_cookie", "parse_cookie_header"]

# Patterns stay strings, compiled (and cached) by ``re`` on first use, to
# keep importing cheap.
_TOKEN = r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
_PLAIN_VALUE = r"(?a)[\w!#$%&'()*+\-./:<=>?@\[\]^`{|}~]*"
_ESCAPE = rb'[\x00-\x1f",;\\\x7f-\xff]'
_UNESCAPE = rb"(?s)\\([0-3][0-7]{2}|.)"
_PAIR = r'(?s)\s*([^=;]*?)\s*(?:=\s*("(?:[^\\"]|\\.)*"|[^;]*?))?\s*(?:;|\Z)'
_ATTRIBUTE_FORBIDDEN = r"[\x00-\x1f;\x7f]"
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SAMESITE = {"strict": "Strict", "lax": "Lax", "none": "None"}


def _escape_byte(match: re.Match[bytes]) -> bytes:
    char = match.group()
    if char in (b'"', b"\\"):
        return b"\\" + char
    return b"\\%03o" % char[0]


def _unescape(match: re.Match[bytes]) -> bytes:
    escaped = match.group(1)
    return bytes([int(escaped, 8)]) if len(escaped) == 3 else escaped


def parse_cookie_header(header: str) -> dict[str, str]:
    """Return the cookies of a ``Cookie`` header, the first of each name winning.

    Parsing is lenient, like browsers and Werkzeug: a pair without ``=`` is
    a name with an empty value, and quoted values are unescaped. It never
    raises.
    """
    cookies: dict[str, str] = {}
    for match in re.finditer(_PAIR, header):
        name, value = match.group(1), match.group(2) or ""
        if not name:
            continue
        if len(value) >= 2 and value[0] == value[-1] == '"':
            raw = value[1:-1].encode("utf-8", "surrogatepass")
            value = re.sub(_UNESCAPE, _unescape, raw).decode("utf-8", "replace")
        cookies.setdefault(name, value)
    return cookies


def _http_date(moment: datetime.datetime | float) -> str:
    if isinstance(moment, datetime.datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(datetime.timezone.utc)
    else:
        moment = datetime.datetime.fromtimestamp(moment, datetime.timezone.utc)
    return (
        f"{_DAYS[moment.weekday()]}, {moment.day:02d} {_MONTHS[moment.month - 1]} "
        f"{moment.year:04d} {moment:%H:%M:%S} GMT"
    )


def _text(what: str, value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"a cookie's {what} must be a str, not {type(value).__name__}")
    return value


def _attribute(name: str, value: str) -> str:
    if re.search(_ATTRIBUTE_FORBIDDEN, value):
        raise ValueError(f"invalid cookie {name} {value!r}: no control characters or ';'")
    return value


def format_set_cookie(  # the order of HttpResponse.set_cookie
    key: str,
    value: str = "",
    max_age: int | datetime.timedelta | None = None,
    expires: str | datetime.datetime | float | None = None,
    path: str | None = "/",
    domain: str | None = None,
    secure: bool = False,
    httponly: bool = False,
    samesite: str | None = None,
) -> str:
    """Return the value of a ``Set-Cookie`` header.

    *expires* is a ``datetime`` (naive ones are taken as UTC), a Unix
    timestamp, or a ready HTTP date. *max_age* is seconds or a
    ``timedelta``; it does not add an ``Expires`` (browsers prefer
    ``Max-Age``), which keeps the header the same on every call.

    Raises:
        ValueError: *key* is not a token, *samesite* is not ``Strict``,
            ``Lax`` or ``None``, or an attribute contains ``;`` or a
            control character.
        TypeError: *key* or *value* is not a ``str``.
    """
    key, value = _text("name", key), _text("value", value)
    if not re.fullmatch(_TOKEN, key):
        raise ValueError(f"invalid cookie name {key!r}: use letters, digits and !#$%&'*+-.^_`|~")
    if not re.fullmatch(_PLAIN_VALUE, value):
        escaped = re.sub(_ESCAPE, _escape_byte, value.encode("utf-8", "surrogatepass"))
        value = '"' + escaped.decode("ascii") + '"'
    parts = [f"{key}={value}"]
    if domain is not None:
        parts.append(f"Domain={_attribute('domain', domain)}")
    if expires is not None:
        text = expires if isinstance(expires, str) else _http_date(expires)
        parts.append(f"Expires={_attribute('expires', text)}")
    if max_age is not None:
        if isinstance(max_age, datetime.timedelta):
            max_age = int(max_age.total_seconds())
        parts.append(f"Max-Age={int(max_age)}")
    if secure:
        parts.append("Secure")
    if httponly:
        parts.append("HttpOnly")
    if path is not None:
        parts.append(f"Path={_attribute('path', path)}")
    if samesite is not None:
        canonical = _SAMESITE.get(samesite.lower())
        if canonical is None:
            raise ValueError(f"samesite must be 'Strict', 'Lax' or 'None', not {samesite!r}")
        parts.append(f"SameSite={canonical}")
    return "; ".join(parts)
