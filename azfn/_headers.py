# pyright: strict
"""Header collections for HTTP requests and responses.

:class:`HttpRequestHeaders` is the read-only, case-insensitive mapping a
function receives. :class:`HttpResponseHeaders` is the mutable,
multi-valued, case-insensitive list a response carries. It offers the methods
of Werkzeug's ``Headers``, which the reference subclasses, without importing
Werkzeug, and it refuses names and values that would split a header line.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Mapping
from collections.abc import Sequence
from typing import ClassVar
from typing import TypeAlias
from typing import TypeVar
from typing import cast
from typing import overload

__all__ = [
    "HeaderValue",
    "HeadersInput",
    "HttpRequestHeaders",
    "HttpResponseHeaders",
    "check_line_text",
    "check_status_code",
]

_T = TypeVar("_T")

#: A header value: a string, or a number that is written with ``str()``.
HeaderValue: TypeAlias = "str | int | float"
#: What a response's headers can be built from.
HeadersInput: TypeAlias = "HttpResponseHeaders | _MultiMapping | Iterable[tuple[str, HeaderValue]]"

# A list or tuple value stands for several values of the name.
_MultiMapping: TypeAlias = "Mapping[str, HeaderValue | Sequence[HeaderValue]]"

_FORBIDDEN = ("\r", "\n", "\0")
_TOKEN = frozenset("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_MISSING: object = object()


class HttpRequestHeaders(Mapping[str, str]):
    """The request's headers: read-only, with case-insensitive names.

    Names are lower-cased when the request is built, so iteration yields
    lower-case names; a name given twice in different cases keeps the last
    value. It compares equal to a ``dict`` with lower-case names.
    """

    __slots__ = ("_headers",)

    def __init__(self, source: Mapping[str, str] | None = None) -> None:
        self._headers: dict[str, str] = (
            {} if source is None else {name.lower(): value for name, value in source.items()}
        )

    def __getitem__(self, key: str) -> str:
        return self._headers[key.lower()]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key.lower() in self._headers

    def __iter__(self) -> Iterator[str]:
        return iter(self._headers)

    def __len__(self) -> int:
        return len(self._headers)

    @overload
    def get(self, key: str, /) -> str | None: ...
    @overload
    def get(self, key: str, /, default: str) -> str: ...
    @overload
    def get(self, key: str, /, default: _T) -> str | _T: ...
    def get(self, key: str, /, default: object = None) -> object:
        """Return the header's value, or *default* when it is absent."""
        return self._headers.get(key.lower(), default)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._headers!r})"


def _check_name(name: object) -> str:
    if not isinstance(name, str):
        raise TypeError(f"a header name must be a str, not {type(name).__name__}")
    if not name or any(char in name for char in _FORBIDDEN):
        raise ValueError(
            f"invalid header name {name!r}: it must be non-empty, without CR, LF or NUL"
        )
    return name


def _check_value(value: object) -> str:
    if value is None:
        raise TypeError("a header value cannot be None")
    text = value if isinstance(value, str) else str(value)
    if any(char in text for char in _FORBIDDEN):
        raise ValueError(f"invalid header value {text!r}: it must not contain CR, LF or NUL")
    return text


def check_line_text(what: str, value: object) -> str:
    """Return *value* if it is a ``str`` that cannot split a header line.

    Raises:
        TypeError: *value* is not a ``str``.
        ValueError: it contains CR, LF or NUL.
    """
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    if "\r" in value or "\n" in value or "\0" in value:
        raise ValueError(f"invalid {what} {value!r}: it must not contain CR, LF or NUL")
    return value


def check_status_code(status_code: object) -> int:
    """Return a response status as an ``int``: 200 for ``None``.

    Raises:
        TypeError: it is not an ``int`` (``HTTPStatus`` is one; ``"201"`` and
            ``True`` are not).
        ValueError: it is outside 100-599.
    """
    if status_code is None:
        return 200
    if not isinstance(status_code, int) or isinstance(status_code, bool):
        raise TypeError(
            f"status_code must be an int or an http.HTTPStatus, not "
            f"{type(status_code).__name__} {status_code!r}"
        )
    code = int(status_code)
    if not 100 <= code <= 599:
        raise ValueError(f"status_code must be between 100 and 599, not {code}")
    return code


def _with_options(value: HeaderValue, options: Mapping[str, HeaderValue | None]) -> str:
    """Append ``; key=value`` parameters, quoting values that are not tokens."""
    text = _check_value(value)
    for key, option in options.items():
        if option is None:
            continue
        key = _check_name(key.replace("_", "-"))
        raw = _check_value(option)
        if not raw or not _TOKEN.issuperset(raw):
            raw = '"' + raw.replace("\\", "\\\\").replace('"', '\\"') + '"'
        text += f"; {key}={raw}"
    return text


def _values(value: HeaderValue | Sequence[HeaderValue]) -> Sequence[HeaderValue]:
    """The values a mapping gives a name: a list or tuple holds several."""
    if isinstance(value, (list, tuple)):
        return cast("Sequence[HeaderValue]", value)
    return (cast("HeaderValue", value),)


def _pairs(source: HeadersInput) -> list[tuple[str, HeaderValue]]:
    if isinstance(source, HttpResponseHeaders):
        return list(source.items())
    if isinstance(source, Mapping):
        mapping = cast("_MultiMapping", source)
        pairs: list[tuple[str, HeaderValue]] = []
        for name, value in mapping.items():
            pairs.extend((name, item) for item in _values(value))
        return pairs
    return [(name, value) for name, value in source]


class HttpResponseHeaders:
    """The response's headers: ordered, multi-valued, case-insensitive, mutable.

    The methods are those of Werkzeug's ``Headers`` (``add``, ``set``,
    ``get_all``, ``getlist``, ``setlist``, ``extend``, ``update``,
    ``remove``, ``pop``, ...); like it, iterating yields ``(name, value)``
    pairs. Names and values containing CR, LF or NUL raise ``ValueError``,
    and numbers are written with ``str()``. Headers compare equal when they
    hold the same values for the same names (case-insensitively, in order
    per name); a ``Mapping`` compares as the headers built from it.
    """

    __slots__ = ("_items",)

    def __init__(self, defaults: HeadersInput | None = None) -> None:
        self._items: list[tuple[str, str]] = []
        if defaults is not None:
            self.extend(defaults)

    # -- reading -----------------------------------------------------------

    @overload
    def __getitem__(self, key: str) -> str: ...
    @overload
    def __getitem__(self, key: int) -> tuple[str, str]: ...
    def __getitem__(self, key: str | int) -> str | tuple[str, str]:
        if isinstance(key, int):
            return self._items[key]
        lower = key.lower()
        for name, value in self._items:
            if name.lower() == lower:
                return value
        raise KeyError(key)

    @overload
    def get(self, key: str) -> str | None: ...
    @overload
    def get(self, key: str, default: str) -> str: ...
    @overload
    def get(self, key: str, default: _T) -> str | _T: ...
    def get(self, key: str, default: object = None) -> object:
        """Return the first value of *key*, or *default* when it is absent."""
        try:
            return self[key]
        except KeyError:
            return default

    def getlist(self, key: str) -> list[str]:
        """Return every value of *key*, in order (empty when absent)."""
        lower = key.lower()
        return [value for name, value in self._items if name.lower() == lower]

    def get_all(self, name: str) -> list[str]:
        """Return every value of *name*, in order (same as :meth:`getlist`)."""
        return self.getlist(name)

    def keys(self, lower: bool = False) -> list[str]:
        """Return the name of every header line, repeats included."""
        return [name.lower() if lower else name for name, _ in self._items]

    def values(self) -> list[str]:
        """Return the value of every header line."""
        return [value for _, value in self._items]

    def items(self, lower: bool = False) -> list[tuple[str, str]]:
        """Return every ``(name, value)`` pair, repeats included."""
        if lower:
            return [(name.lower(), value) for name, value in self._items]
        return list(self._items)

    def to_wsgi_list(self) -> list[tuple[str, str]]:
        """Return the headers as a WSGI list of pairs."""
        return list(self._items)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        lower = key.lower()
        return any(name.lower() == lower for name, _ in self._items)

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def _grouped(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for name, value in self._items:
            grouped.setdefault(name.lower(), []).append(value)
        return grouped

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            other = HttpResponseHeaders(cast("Mapping[str, HeaderValue]", other))
        if not isinstance(other, HttpResponseHeaders):
            return NotImplemented
        return self._grouped() == other._grouped()

    # Mutable, so unhashable.
    __hash__: ClassVar[None]  # type: ignore[assignment]  # pyright: ignore[reportIncompatibleMethodOverride]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._items!r})"

    def __str__(self) -> str:
        return "".join(f"{name}: {value}\r\n" for name, value in self._items) + "\r\n"

    def copy(self) -> HttpResponseHeaders:
        """Return an independent copy."""
        return type(self)(self)

    __copy__ = copy

    # -- writing -----------------------------------------------------------

    def add(self, key: str, value: HeaderValue, **options: HeaderValue | None) -> None:
        """Append a header line; *options* become ``; key=value`` parameters.

        Raises:
            ValueError: the name or value contains CR, LF or NUL.
        """
        self._items.append((_check_name(key), _with_options(value, options)))

    add_header = add

    def set(self, key: str, value: HeaderValue, **options: HeaderValue | None) -> None:
        """Replace every value of *key* by *value*, at the first one's place.

        Raises:
            ValueError: the name or value contains CR, LF or NUL.
        """
        item = (_check_name(key), _with_options(value, options))
        lower = key.lower()
        kept: list[tuple[str, str]] = []
        placed = False
        for pair in self._items:
            if pair[0].lower() != lower:
                kept.append(pair)
            elif not placed:
                kept.append(item)
                placed = True
        if not placed:
            kept.append(item)
        self._items[:] = kept

    def __setitem__(self, key: str, value: HeaderValue) -> None:
        self.set(key, value)

    def setlist(self, key: str, values: Iterable[HeaderValue]) -> None:
        """Replace every value of *key* by *values* (none removes the header)."""
        checked = [_check_value(value) for value in values]
        if not checked:
            self.remove(key)
            return
        self.set(key, checked[0])
        for value in checked[1:]:
            self.add(key, value)

    def setdefault(self, key: str, default: HeaderValue) -> str:
        """Return the first value of *key*, adding *default* when it is absent."""
        if key in self:
            return self[key]
        self.add(key, default)
        return self._items[-1][1]

    def extend(self, *args: HeadersInput, **kwargs: HeaderValue) -> None:
        """Add every header of the arguments, keeping existing ones."""
        if len(args) > 1:
            raise TypeError(f"extend expected at most 1 positional argument, got {len(args)}")
        pairs = _pairs(args[0]) if args else []
        pairs += kwargs.items()
        checked = [(_check_name(name), _check_value(value)) for name, value in pairs]
        self._items.extend(checked)

    def update(self, *args: HeadersInput, **kwargs: HeaderValue | Sequence[HeaderValue]) -> None:
        """Replace the headers named in the arguments by their values there.

        A list value sets several values (an empty one removes the header);
        from an iterable of pairs, the last pair of a name wins.
        """
        if len(args) > 1:
            raise TypeError(f"update expected at most 1 positional argument, got {len(args)}")
        source: HeadersInput = args[0] if args else ()
        items: list[tuple[str, HeaderValue | Sequence[HeaderValue]]]
        if isinstance(source, HttpResponseHeaders):
            items = [(name, tuple(source.getlist(name))) for name in dict.fromkeys(source.keys())]
        elif isinstance(source, Mapping):
            items = list(cast("_MultiMapping", source).items())
        else:
            items = list(source)
        for name, value in [*items, *kwargs.items()]:
            self.setlist(name, _values(value))

    def remove(self, key: str) -> None:
        """Remove every value of *key* (nothing happens when it is absent)."""
        lower = key.lower()
        self._items[:] = [pair for pair in self._items if pair[0].lower() != lower]

    def __delitem__(self, key: str | int) -> None:
        if isinstance(key, int):
            del self._items[key]
        else:
            self.remove(key)

    @overload
    def pop(self) -> tuple[str, str]: ...
    @overload
    def pop(self, key: int) -> tuple[str, str]: ...
    @overload
    def pop(self, key: str) -> str: ...
    @overload
    def pop(self, key: str, default: _T) -> str | _T: ...
    def pop(self, key: str | int | None = None, default: object = _MISSING) -> object:
        """Remove *key* and return its first value (no key: the last pair).

        Raises:
            KeyError: *key* is absent and there is no *default*.
        """
        if key is None:
            return self.popitem()
        if isinstance(key, int):
            return self._items.pop(key)
        try:
            value = self[key]
        except KeyError:
            if default is _MISSING:
                raise
            return default
        self.remove(key)
        return value

    def popitem(self) -> tuple[str, str]:
        """Remove and return the last ``(name, value)`` pair.

        Raises:
            KeyError: there are no headers.
        """
        if not self._items:
            raise KeyError("popitem(): the headers are empty")
        return self._items.pop()

    def clear(self) -> None:
        """Remove every header."""
        self._items.clear()
