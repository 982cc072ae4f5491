"""The enumerations shared by several bindings.

Members render into the host metadata by *name* (``"FUNCTION"``, ``"STRING"``),
as the reference library does; an enum whose host-side meaning is its value
overrides :meth:`StringifyEnum.json_value`. Strings given where an enum is
expected are parsed case-insensitively by :meth:`StringifyEnum.parse`.

Binding-specific enums (``HttpMethod``, the Kafka and OpenAI ones) live with
their binding in ``azfn.bindings``.
"""

from __future__ import annotations

import enum
import typing
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "AccessRights",
    "AuthLevel",
    "BindingDirection",
    "BlobSource",
    "Cardinality",
    "DataType",
    "McpPropertyType",
    "StringifyEnum",
]


# Per enum class: upper-cased names and values to members (names win).
_LOOKUP: dict[type[StringifyEnum], dict[str, StringifyEnum]] = {}


class StringifyEnum(enum.Enum):
    """An enum whose ``str()`` is the member name, the way the host spells it."""

    def __str__(self) -> str:
        return self.name

    def json_value(self) -> object:
        """Return what this member becomes in the function metadata."""
        return self.name

    @classmethod
    def parse(cls, value: object) -> Self | str:
        """Turn *value* (a member, or a member name in any case) into a member.

        Raises:
            ValueError: *value* names no member; the message lists the allowed
                names.
        """
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            table = _LOOKUP.get(cls)
            if table is None:
                table = {str(m.value).upper(): m for m in cls}
                # Names (aliases included, e.g. McpPropertyType.DATETIME) win.
                table.update((k.upper(), m) for k, m in cls.__members__.items())
                _LOOKUP[cls] = table
            member = table.get(value.strip().upper())
            if member is not None:
                return typing.cast("Self", member)
        allowed = ", ".join(repr(m.name) for m in cls)
        raise ValueError(
            f"{value!r} is not a valid {cls.__name__}; use one of {allowed} "
            f"(any case) or a {cls.__name__} member"
        )


class BindingDirection(int, StringifyEnum):
    """Direction of a binding; the metadata says ``"IN"`` or ``"OUT"``."""

    IN = 0
    OUT = 1
    INOUT = 2


class DataType(int, StringifyEnum):
    """How the host hands binding data to the worker (``dataType``)."""

    UNDEFINED = 0
    STRING = 1
    BINARY = 2
    STREAM = 3


class AuthLevel(str, StringifyEnum):
    """Which key, if any, an HTTP request must carry."""

    FUNCTION = "function"
    ANONYMOUS = "anonymous"
    ADMIN = "admin"


class Cardinality(str, StringifyEnum):
    """Whether a trigger receives one event or a batch."""

    ONE = "one"
    MANY = "many"


class AccessRights(str, StringifyEnum):
    """Service Bus access rights of the connection."""

    MANAGE = "manage"
    LISTEN = "listen"


class BlobSource(str, StringifyEnum):
    """How a blob trigger learns of new blobs; rendered by value."""

    EVENT_GRID = "EventGrid"
    LOGS_AND_CONTAINER_SCAN = "LogsAndContainerScan"

    def json_value(self) -> object:
        """Return the value (``"EventGrid"``): the host's spelling."""
        return self.value


class McpPropertyType(str, StringifyEnum):
    """JSON type of an MCP tool property."""

    INTEGER = "integer"
    FLOAT = "float"
    STRING = "string"
    BOOLEAN = "boolean"
    OBJECT = "object"
    DATETIME = "string"
