# pyright: strict
"""What the host tells a function about its invocation.

:class:`Context` is what a parameter named ``context`` receives: the
invocation id, the function's name and directory, the W3C trace context and
the retry state. Unlike the reference's abstract classes, every type here can
be built directly in a test, with sensible defaults::

    ctx = func.Context(function_name="hello")
    ctx.invocation_id        # a fresh uuid4, as the host would send
    ctx.retry_context.retry_count  # 0: no retry policy, or the first attempt

The rest of the module reads the trigger *metadata* the host sends with an
invocation (a mapping of :class:`~azfn.meta.Datum`) with the reference's
coercions (an ``int`` read as a string gives ``"5"``, JSON text is parsed).
The converter modules share these helpers; they are not public API.
"""

from __future__ import annotations

import collections.abc
import json
import os
import typing
from collections.abc import Mapping

from azfn.meta import Datum
from azfn.meta import parse_datetime

if typing.TYPE_CHECKING:
    import datetime
    import threading

__all__ = ["Context", "RetryContext", "RpcException", "TraceContext"]


def _new_invocation_id() -> str:
    # A uuid4 without importing uuid (about 25 ms cold): same bits, same form.
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    text = raw.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


class RpcException:
    """The exception of a previous attempt, as the host reports it.

    Empty strings mean there was none (the first attempt, or no retry policy).
    """

    def __init__(self, source: str = "", stack_trace: str = "", message: str = "") -> None:
        self._source = source
        self._stack_trace = stack_trace
        self._message = message

    @property
    def source(self) -> str:
        """Where the exception came from."""
        return self._source

    @property
    def stack_trace(self) -> str:
        """The formatted stack trace."""
        return self._stack_trace

    @property
    def message(self) -> str:
        """The exception's text, e.g. ``"ValueError: bad input"``."""
        return self._message

    def _key(self) -> tuple[str, str, str]:
        return (self._source, self._stack_trace, self._message)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RpcException):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"RpcException(source={self._source!r}, message={self._message!r})"


class TraceContext:
    """The W3C trace context of the invocation.

    Without *trace_parent* a fresh, valid ``traceparent`` is generated
    (``00-<trace id>-<span id>-01``), as the host always sends one.
    """

    def __init__(
        self,
        trace_parent: str | None = None,
        trace_state: str = "",
        attributes: Mapping[str, str] | None = None,
    ) -> None:
        if trace_parent is None:
            trace_parent = f"00-{os.urandom(16).hex()}-{os.urandom(8).hex()}-01"
        self._trace_parent = trace_parent
        self._trace_state = trace_state
        self._attributes = dict(attributes) if attributes is not None else {}

    @property
    def trace_parent(self) -> str:
        """The ``traceparent`` header value."""
        return self._trace_parent

    @property
    def trace_state(self) -> str:
        """The ``tracestate`` header value (often empty)."""
        return self._trace_state

    @property
    def attributes(self) -> dict[str, str]:
        """Extra trace attributes (the host sends e.g. ``OperationName``)."""
        return self._attributes

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TraceContext):
            return NotImplemented
        return (self._trace_parent, self._trace_state, self._attributes) == (
            other._trace_parent,
            other._trace_state,
            other._attributes,
        )

    def __hash__(self) -> int:
        return hash((self._trace_parent, self._trace_state))

    def __repr__(self) -> str:
        return (
            f"TraceContext(trace_parent={self._trace_parent!r}, trace_state={self._trace_state!r})"
        )


class RetryContext:
    """Where the invocation stands in the function's retry policy.

    *retry_count* is 0 on the first attempt; both counts are 0 when the
    function has no retry policy. *exception* describes the previous
    attempt's failure (empty on the first attempt).
    """

    def __init__(
        self,
        retry_count: int = 0,
        max_retry_count: int = 0,
        exception: RpcException | None = None,
    ) -> None:
        self._retry_count = retry_count
        self._max_retry_count = max_retry_count
        self._exception = exception if exception is not None else RpcException()

    @property
    def retry_count(self) -> int:
        """The number of retries so far (0 on the first attempt)."""
        return self._retry_count

    @property
    def max_retry_count(self) -> int:
        """The policy's maximum number of retries (-1: forever)."""
        return self._max_retry_count

    @property
    def exception(self) -> RpcException:
        """The previous attempt's exception."""
        return self._exception

    def _key(self) -> tuple[int, int, RpcException]:
        return (self._retry_count, self._max_retry_count, self._exception)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RetryContext):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"RetryContext(retry_count={self._retry_count}, "
            f"max_retry_count={self._max_retry_count}, exception={self._exception!r})"
        )


class Context:
    """The invocation context a ``context`` parameter receives.

    Every argument is optional: *invocation_id* defaults to a fresh uuid4,
    *function_directory* to the current directory (the host gives the app's
    directory), *trace_context* and *retry_context* to a new trace and a
    first attempt, and *thread_local_storage* to a new ``threading.local``
    whose ``invocation_id`` attribute is set, as the worker's is.
    """

    def __init__(
        self,
        *,
        invocation_id: str | None = None,
        function_name: str = "",
        function_directory: str | None = None,
        trace_context: TraceContext | None = None,
        retry_context: RetryContext | None = None,
        thread_local_storage: threading.local | None = None,
    ) -> None:
        self._invocation_id = invocation_id if invocation_id is not None else _new_invocation_id()
        self._function_name = function_name
        self._function_directory = (
            function_directory if function_directory is not None else os.getcwd()
        )
        self._trace_context = trace_context if trace_context is not None else TraceContext()
        self._retry_context = retry_context if retry_context is not None else RetryContext()
        if thread_local_storage is None:
            import threading  # lazily: `import azfn` stays cheap

            thread_local_storage = threading.local()
            thread_local_storage.invocation_id = self._invocation_id
        self._thread_local_storage = thread_local_storage

    @property
    def invocation_id(self) -> str:
        """The invocation's id (a uuid)."""
        return self._invocation_id

    @property
    def function_name(self) -> str:
        """The function's name."""
        return self._function_name

    @property
    def function_directory(self) -> str:
        """The function's directory (the app's directory for decorator apps)."""
        return self._function_directory

    @property
    def trace_context(self) -> TraceContext:
        """The W3C trace context."""
        return self._trace_context

    @property
    def retry_context(self) -> RetryContext:
        """The retry state."""
        return self._retry_context

    @property
    def thread_local_storage(self) -> threading.local:
        """Thread-local storage carrying ``invocation_id`` (for log correlation)."""
        return self._thread_local_storage

    def __repr__(self) -> str:
        return (
            f"<Context function_name={self._function_name!r} invocation_id={self._invocation_id!r}>"
        )


# Trigger metadata readers, shared by the converter modules.

_COLLECTION_FIELDS = {
    "collection_string": "string",
    "collection_bytes": "bytes",
    "collection_double": "double",
    "collection_sint64": "sint64",
}


def datum_value(datum: object) -> object:
    """Return a metadata value as Python sees it: JSON parsed, collections as lists.

    Values that are not a :class:`Datum` are returned as they are. Collections
    may be lists or the worker's protobuf messages (``.string``, ``.bytes``...).
    """
    if not isinstance(datum, Datum):
        return datum
    value = datum.value
    if value is None or datum.type is None:
        return None
    if datum.type == "json":
        return json.loads(value) if isinstance(value, (str, bytes, bytearray)) else value
    field = _COLLECTION_FIELDS.get(datum.type)
    if field is not None:
        value = getattr(value, field, value)
        if isinstance(value, collections.abc.Iterable) and not isinstance(value, (str, bytes)):
            return list(typing.cast("collections.abc.Iterable[object]", value))
    return value


def metadata_values(metadata: Mapping[str, object] | None) -> dict[str, object] | None:
    """Return every trigger metadata field as a Python value (``None`` if none)."""
    if metadata is None:
        return None
    return {key: datum_value(datum) for key, datum in metadata.items()}


def metadata_field(metadata: Mapping[str, Datum] | None, key: str) -> object:
    """Return one trigger metadata field as a Python value, ``None`` if missing.

    Raises:
        ValueError: the field's JSON is malformed.
    """
    if not metadata:
        return None
    try:
        return datum_value(metadata.get(key))
    except ValueError as exc:
        raise ValueError(f"field {key!r} in trigger metadata is not valid JSON: {exc}") from None


def _cannot(value: object, where: str, kind: str) -> ValueError:
    return ValueError(f"cannot convert {where} into {kind}: {value!r}")


def to_str(value: object) -> str | None:
    """Return *value* as a string (numbers formatted, bytes decoded), or ``None``."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8")
    return str(value)


def to_int(value: object, where: str) -> int | None:
    """Return *value* as an int (numeric strings parsed), or ``None``.

    Raises:
        ValueError: *value* is not a whole number.
    """
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, (str, float)):
        try:
            return int(value)
        except ValueError:
            pass
    raise _cannot(value, where, "int")


def _container(value: object, where: str, kind: type) -> object:
    # *value* (or the JSON text it is) if it is a *kind*, else ValueError.
    if isinstance(value, (str, bytes, bytearray)):
        try:
            value = json.loads(value)
        except ValueError:
            raise _cannot(value, where, kind.__name__) from None
    if value is None or isinstance(value, kind):
        return value
    raise _cannot(value, where, kind.__name__)


def to_dict(value: object, where: str) -> dict[str, object] | None:
    """Return *value* as a dict (a JSON object), or ``None``.

    Raises:
        ValueError: *value* is neither a dict nor the JSON text of one.
    """
    return typing.cast("dict[str, object] | None", _container(value, where, dict))


def to_list(value: object, where: str) -> list[object] | None:
    """Return *value* as a list (a collection or JSON array), or ``None``."""
    return typing.cast("list[object] | None", _container(value, where, list))


def _where(key: str) -> str:
    return f"field {key!r} in trigger metadata"


def metadata_str(metadata: Mapping[str, Datum] | None, key: str) -> str | None:
    """Return the field as a string, or ``None``."""
    return to_str(metadata_field(metadata, key))


def metadata_int(metadata: Mapping[str, Datum] | None, key: str) -> int | None:
    """Return the field as an int, or ``None``."""
    return to_int(metadata_field(metadata, key), _where(key))


def metadata_dict(metadata: Mapping[str, Datum] | None, key: str) -> dict[str, object] | None:
    """Return the field as a dict, or ``None``."""
    return to_dict(metadata_field(metadata, key), _where(key))


def metadata_list(metadata: Mapping[str, Datum] | None, key: str) -> list[object] | None:
    """Return the field as a list, or ``None``."""
    return to_list(metadata_field(metadata, key), _where(key))


def metadata_datetime(metadata: Mapping[str, Datum] | None, key: str) -> datetime.datetime | None:
    """Return the field parsed as a timestamp, or ``None``."""
    return parse_datetime(metadata_str(metadata, key))


def is_class_annotation(annotation: object, types: tuple[type, ...]) -> bool:
    """Return whether *annotation* is a class deriving from one of *types*."""
    if typing.get_origin(annotation) is not None:
        return False  # list[int] passes isinstance(..., type) on 3.10
    return isinstance(annotation, type) and issubclass(annotation, types)


def is_iterable_annotation(annotation: object, types: tuple[type, ...]) -> bool:
    """Return whether *annotation* is ``Iterable[X]`` (``list[X]``...) with X in *types*."""
    origin = typing.get_origin(annotation)
    if not isinstance(origin, type) or not issubclass(origin, collections.abc.Iterable):
        return False
    if issubclass(origin, (str, bytes, Mapping)):
        return False
    return any(is_class_annotation(arg, types) for arg in typing.get_args(annotation))


def body_bytes(body: object, owner: str) -> bytes:
    """Return a message body as bytes: ``str`` is UTF-8 encoded, ``None`` is empty.

    Raises:
        TypeError: *body* is not ``str``, bytes-like or ``None``.
    """
    if body is None:
        return b""
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, (bytes, bytearray)):
        return bytes(body)
    if isinstance(body, memoryview):
        return body.tobytes()
    raise TypeError(
        f"the body of a {owner} must be str, bytes or bytearray, got {type(body).__name__}"
    )


def short_repr(value: object, limit: int = 40) -> str:
    """Return ``repr(value)``, cut to *limit* characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
