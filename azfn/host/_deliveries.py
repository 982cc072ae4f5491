# pyright: strict
"""Per binding type: what the host delivers for a value a test passes.

Each function here turns one test value (an azfn type, or plain
``str``/``bytes``/``dict``/``list``) into the data and trigger metadata the
real host sends for that binding type (host-semantics §A2.2, §A5.3, §A6.2,
§A7, and the metadata keys each type module documents). :mod:`._inputs`
picks the function by binding type and assembles the whole invocation.
"""

from __future__ import annotations

import base64
import collections
import contextlib
import datetime
import json
import os
import typing
from collections.abc import Mapping
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from azfn.blob import InputStream
from azfn.context import new_uuid
from azfn.cosmosdb import JsonRecord
from azfn.errors import AzfnError
from azfn.eventgrid import CloudEvent
from azfn.eventgrid import EventGridEventOutConverter
from azfn.eventgrid import EventGridOutputEvent
from azfn.eventhub import EventHubEvent
from azfn.host._expressions import BindingExpressionError
from azfn.host._expressions import blob_path_captures
from azfn.host._expressions import resolve
from azfn.http import HttpRequest
from azfn.kafka import KafkaEvent
from azfn.meta import Datum
from azfn.queue import QueueMessage
from azfn.servicebus import ServiceBusMessage
from azfn.timer import TimerRequest
from azfn.warmup import WarmUpContext

if TYPE_CHECKING:
    from collections.abc import Callable

    from azfn.host._model import BindingInfo

__all__ = [
    "INPUTS",
    "OPTIONAL",
    "TRIGGERS",
    "Call",
    "Delivery",
    "InvalidInputError",
    "MissingInputError",
    "expected_types",
    "generic",
    "merge_binding_data",
    "to_json",
    "wrong_type",
]


class InvalidInputError(AzfnError, TypeError):
    """A value given for a binding is of the wrong type, or names no input binding."""


class MissingInputError(InvalidInputError):
    """The trigger or an input binding was not given; the message lists what is needed."""


class Delivery:
    """One trigger delivery: data, metadata (Python values) and extra binding data."""

    def __init__(
        self,
        data: Datum,
        metadata: dict[str, object] | None = None,
        binding: dict[str, object] | None = None,
    ) -> None:
        self.data = data
        self.metadata = metadata if metadata is not None else {}
        self.binding = binding  # None: the binding data is the metadata


class Call:
    """What a conversion needs besides the value."""

    def __init__(
        self, binding: BindingInfo, now: datetime.datetime, settings: Mapping[str, str]
    ) -> None:
        self.binding = binding
        self.now = now
        self.settings = settings

    def raw(self, key: str) -> object:
        return self.binding.raw.get(key)

    def many(self) -> bool:
        cardinality = self.binding.raw.get("cardinality")
        return str(cardinality).lower() == "many"

    def iso(self, delta: datetime.timedelta = datetime.timedelta(0)) -> str:
        return (self.now + delta).isoformat()


# --- helpers -------------------------------------------------------------------------


def to_json(value: object) -> str:
    return json.dumps(value, default=_json_default)


def _json_default(value: object) -> object:
    if isinstance(value, JsonRecord):
        return value.to_dict()
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8")
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _text_datum(body: bytes | str, binding: BindingInfo) -> Datum:
    """The host's string delivery (bytes when ``dataType`` is binary or not UTF-8)."""
    if isinstance(body, str):
        return (
            Datum(body.encode("utf-8"), "bytes")
            if binding.data_type == "binary"
            else Datum(body, "string")
        )
    if binding.data_type == "binary":
        return Datum(body, "bytes")
    try:
        return Datum(body.decode("utf-8"), "string")
    except UnicodeDecodeError:
        return Datum(body, "bytes")


def _bytes(value: object) -> bytes | None:
    """*value* as bytes if it is bytes-like, else ``None``."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, memoryview):
        return typing.cast("memoryview[int]", value).tobytes()
    return None


def _mapping(value: object) -> Mapping[str, object] | None:
    return typing.cast("Mapping[str, object]", value) if isinstance(value, Mapping) else None


def _body(value: object) -> bytes | str:
    raw = _bytes(value)
    if raw is not None:
        return raw
    if isinstance(value, str):
        return value
    return to_json(value)


def _is_plain(value: object) -> bool:
    return isinstance(value, (str, bytes, bytearray, memoryview, dict, list))


def _is_userlist(value: object) -> bool:
    return isinstance(value, collections.UserList)


# --- triggers ------------------------------------------------------------------------


def _http(value: object, call: Call) -> Delivery:
    if isinstance(value, HttpRequest):
        fields: dict[str, object] = {
            "method": value.method,
            "url": value.url,
            "headers": dict(value.headers.items()),
            "query": dict(value.params),
            "params": dict(value.route_params),
            "body": value.get_body(),
        }
    else:
        given = _mapping(value)
        if given is None or "method" not in given or "url" not in given:
            raise wrong_type(call, value)
        fields = dict(given)
    url = str(fields["url"])
    query = typing.cast("Mapping[str, str]", fields.get("query") or {})
    if url.startswith("/"):
        url = "http://localhost" + url
    if query and "?" not in url:
        url += "?" + urlencode(query)
    fields["url"] = url
    headers = typing.cast("Mapping[str, str]", fields.get("headers") or {})
    route = typing.cast("Mapping[str, str]", fields.get("params") or {})
    binding: dict[str, object] = {"Query": dict(query), "Headers": dict(headers)}
    body = fields.get("body")
    if isinstance(body, (bytes, str)) and body:
        try:
            parsed: object = json.loads(body)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict):
            merge_binding_data(binding, typing.cast("dict[str, object]", parsed), arrays=True)
    merge_binding_data(
        binding, {k: v for k, v in query.items() if k.lower() != "code"}, arrays=True
    )
    merge_binding_data(binding, dict(route), arrays=True)
    # The worker advertises RpcHttpTriggerMetadataRemoved: no metadata for HTTP.
    return Delivery(Datum(fields, "http"), {}, binding)


def _queue(value: object, call: Call) -> Delivery:
    message = value if isinstance(value, QueueMessage) else None
    if message is None and not _is_plain(value):
        raise wrong_type(call, value)
    body = message.get_body() if message is not None else _body(value)
    data = _text_datum(body, call.binding)
    inserted = message.insertion_time if message else None
    metadata: dict[str, object] = {
        "QueueTrigger": data.value if isinstance(data.value, str) else None,
        "Id": (message.id if message else None) or new_uuid(),
        "DequeueCount": (message.dequeue_count if message else None) or 1,
        "InsertionTime": inserted or call.now,
        "ExpirationTime": (message.expiration_time if message else None)
        or (inserted or call.now) + datetime.timedelta(days=7),
        "NextVisibleTime": (message.time_next_visible if message else None)
        or call.now + datetime.timedelta(minutes=10),
        "PopReceipt": (message.pop_receipt if message else None) or _pop_receipt(),
    }
    return Delivery(data, metadata)


def _pop_receipt() -> str:
    return base64.b64encode(os.urandom(8)).decode("ascii")


def _timer(value: object, call: Call) -> Delivery:
    schedule_text = str(call.raw("schedule") or "")
    is_constant = ":" in schedule_text and " " not in schedule_text.strip()
    schedule: dict[str, object] = {"AdjustForDST": not is_constant}
    status: object = None
    if call.raw("useMonitor") is not False:
        status = {"Last": call.iso(), "Next": call.iso(), "LastUpdated": call.iso()}
    past_due = False
    if isinstance(value, TimerRequest):
        past_due = value.past_due
        status = value.schedule_status or status
        schedule = value.schedule or schedule
    elif isinstance(value, Mapping):
        payload = dict(typing.cast("Mapping[str, object]", value))
        return Delivery(Datum(to_json(payload), "json"), {"TimerTrigger": call.now.isoformat()})
    elif value is not None and not isinstance(value, bool):
        raise wrong_type(call, value)
    elif isinstance(value, bool):
        past_due = value
    payload = {"Schedule": schedule, "ScheduleStatus": status, "IsPastDue": past_due}
    return Delivery(Datum(to_json(payload), "json"), {"TimerTrigger": call.now.isoformat()})


def _stream_bytes(stream: InputStream) -> bytes:
    buffer = getattr(stream, "_io", None)  # read without consuming the test's stream
    getvalue = getattr(buffer, "getvalue", None)
    if callable(getvalue):
        content = getvalue()
        if isinstance(content, bytes):
            return content
    return stream.read()


def _blob(value: object, call: Call) -> Delivery:
    pattern = str(call.raw("path") or "")
    with contextlib.suppress(BindingExpressionError):
        pattern = resolve(pattern, {}, call.settings) if "%" in pattern else pattern
    stream = value if isinstance(value, InputStream) else None
    if stream is None and not isinstance(value, str) and _bytes(value) is None:
        raise wrong_type(call, value)
    content = _stream_bytes(stream) if stream is not None else _body(value)
    name = stream.name if stream is not None else None
    if name is None:
        if "{" in pattern:
            raise InvalidInputError(
                f"the blob trigger {call.binding.name!r} (path {pattern!r}) needs the blob's "
                f"name: pass azfn.InputStream(data=..., name='container/blob') matching the path"
            )
        name = pattern
    captures = blob_path_captures(pattern, name) if pattern else {}
    if captures is None:
        raise InvalidInputError(
            f"the blob {name!r} does not match the trigger path {pattern!r} of "
            f"{call.binding.name!r}, so the host would not run the function for it"
        )
    raw = content.encode("utf-8") if isinstance(content, str) else content
    properties: dict[str, object] = {
        "ContentLength": len(raw),
        "ContentType": "application/octet-stream",
        "BlobType": "BlockBlob",
        "ETag": f'"0x{os.urandom(8).hex()[:15].upper()}"',
        "LastModified": call.iso(),
        "CreatedOn": call.iso(),
    }
    properties.update(stream.blob_properties or {} if stream else {})
    metadata: dict[str, object] = {
        "BlobTrigger": name,
        "Uri": (stream.uri if stream else None)
        or f"http://127.0.0.1:10000/devstoreaccount1/{name}",
        "Properties": properties,
        "Metadata": (stream.metadata if stream else None) or {},
    }
    metadata.update(captures)
    if call.binding.data_type == "string":
        return Delivery(Datum(raw.decode("utf-8", "replace"), "string"), metadata)
    return Delivery(Datum(raw, "bytes"), metadata)


def _eventgrid(value: object, call: Call) -> Delivery:
    if isinstance(value, (EventGridOutputEvent, CloudEvent)) or _mapping(value) is not None:
        datum = EventGridEventOutConverter.encode(value, expected_type=None)
        if datum is None:
            raise wrong_type(call, value)
        return Delivery(Datum(datum.value, "json"))
    if isinstance(value, str):
        return Delivery(Datum(value, "json"))
    raise wrong_type(call, value)


def _event_parts(value: object, call: Call, index: int) -> tuple[bytes | str, dict[str, object]]:
    event = value if isinstance(value, EventHubEvent) else None
    if event is None and not _is_plain(value):
        raise wrong_type(call, value)
    system: dict[str, object] = {
        "EnqueuedTimeUtc": (event.enqueued_time if event else None) or call.now,
        "SequenceNumber": event.sequence_number if event and event.sequence_number else index,
        "Offset": (event.offset if event else None) or str(index * 100),
        "PartitionKey": event.partition_key if event else None,
    }
    if event is not None:
        system.update(event.system_properties)
        system.update({f"iothub-{k}": v for k, v in (event.iothub_metadata or {}).items()})
    properties = event.properties if event else {}
    body = event.get_body() if event else _body(value)
    return body, {"SystemProperties": system, "Properties": properties}


def _eventhub(value: object, call: Call) -> Delivery:
    context = {
        "EventHubName": call.raw("eventHubName"),
        "ConsumerGroup": "$Default",
        "PartitionId": "0",
    }
    if not call.many():
        body, parts = _event_parts(value, call, 1)
        system = typing.cast("dict[str, object]", parts["SystemProperties"])
        return Delivery(_one_datum(body, call), {**system, **parts, "PartitionContext": context})
    items = _items(value, call)
    bodies: list[bytes | str] = []
    systems: list[object] = []
    properties: list[object] = []
    for index, item in enumerate(items, start=1):
        body, parts = _event_parts(item, call, index)
        bodies.append(body)
        systems.append(parts["SystemProperties"])
        properties.append(parts["Properties"])
    metadata: dict[str, object] = {
        "SystemPropertiesArray": systems,
        "PropertiesArray": properties,
        "PartitionContext": context,
    }
    return Delivery(_collection(bodies), metadata)


def _one_datum(body: bytes | str, call: Call) -> Datum:
    if call.binding.data_type == "binary" and isinstance(body, str):
        return Datum(body.encode("utf-8"), "bytes")
    return Datum(body, "string" if isinstance(body, str) else "bytes")


def _collection(bodies: list[bytes | str]) -> Datum:
    if all(isinstance(body, str) for body in bodies):
        return Datum(bodies, "collection_string")
    return Datum(
        [b.encode("utf-8") if isinstance(b, str) else b for b in bodies], "collection_bytes"
    )


def _items(value: object, call: Call) -> list[object]:
    if isinstance(value, (list, tuple)):
        return list(typing.cast("list[object]", value))
    return [value]


_SB_FIELDS = {
    "content_type": "ContentType",
    "correlation_id": "CorrelationId",
    "dead_letter_error_description": "DeadLetterErrorDescription",
    "dead_letter_reason": "DeadLetterReason",
    "dead_letter_source": "DeadLetterSource",
    "enqueued_sequence_number": "EnqueuedSequenceNumber",
    "label": "Label",
    "partition_key": "PartitionKey",
    "reply_to": "ReplyTo",
    "reply_to_session_id": "ReplyToSessionId",
    "scheduled_enqueue_time_utc": "ScheduledEnqueueTimeUtc",
    "session_id": "SessionId",
    "subject": "Subject",
    "to": "To",
    "transaction_partition_key": "TransactionPartitionKey",
}


def _sb_parts(value: object, call: Call, index: int) -> tuple[bytes | str, dict[str, object]]:
    message = value if isinstance(value, ServiceBusMessage) else None
    if message is None and not _is_plain(value):
        raise wrong_type(call, value)
    fields: dict[str, object] = {
        "MessageId": (message.message_id if message else "") or new_uuid().replace("-", ""),
        "DeliveryCount": (message.delivery_count if message else None) or 1,
        "SequenceNumber": (message.sequence_number if message else None) or index,
        "EnqueuedTimeUtc": (message.enqueued_time_utc if message else None) or call.now,
        "ExpiresAtUtc": (message.expires_at_utc if message else None)
        or "9999-12-31T23:59:59.9999999+00:00",
        "LockedUntil": (message.locked_until if message else None)
        or call.now + datetime.timedelta(minutes=1),
        "LockToken": (message.lock_token if message else None) or new_uuid(),
        "State": (message.state if message else None) or 0,
        "TimeToLive": _timespan(message.time_to_live if message else None),
        "UserProperties": message.user_properties if message else {},
        "ApplicationProperties": message.application_properties if message else {},
    }
    if message is not None:
        for attribute, key in _SB_FIELDS.items():
            field = getattr(message, attribute)
            if field is not None:
                fields[key] = field
    body = message.get_body() if message else _body(value)
    return body, fields


def _timespan(value: datetime.timedelta | None) -> str:
    if value is None:
        return "10675199.02:48:05.4775807"  # TimeSpan.MaxValue: the default TTL
    seconds = int(value.total_seconds())
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    return (
        f"{days}.{hours:02d}:{minutes:02d}:{secs:02d}"
        if days
        else f"{hours:02d}:{minutes:02d}:{secs:02d}"
    )


def _servicebus(value: object, call: Call) -> Delivery:
    if not call.many():
        body, fields = _sb_parts(value, call, 1)
        return Delivery(_one_datum(body, call), fields)
    bodies: list[bytes | str] = []
    arrays: dict[str, list[object]] = {}
    for index, item in enumerate(_items(value, call), start=1):
        body, fields = _sb_parts(item, call, index)
        bodies.append(body)
        for key, field in fields.items():
            arrays.setdefault(key + "Array", []).append(field)
    return Delivery(_collection(bodies), dict(arrays))


def _json_array(value: object, call: Call) -> Delivery:
    if isinstance(value, str):
        return Delivery(Datum(value, "json"))
    records = _record_list(value)
    if records is None:
        raise wrong_type(call, value)
    return Delivery(Datum(to_json(records), "json"))


def _record_list(value: object) -> list[object] | None:
    if isinstance(value, (dict, JsonRecord)):
        return [value]
    if isinstance(value, (list, tuple)) or _is_userlist(value):
        return list(typing.cast("list[object]", value))
    return None


def _kafka_parts(value: object, call: Call, index: int) -> tuple[bytes | str, dict[str, object]]:
    event = value if isinstance(value, KafkaEvent) else None
    if event is None and not _is_plain(value):
        raise wrong_type(call, value)
    fields: dict[str, object] = {
        "Key": event.key if event else None,
        "Offset": event.offset if event and event.offset is not None else index - 1,
        "Partition": event.partition if event and event.partition is not None else 0,
        "Topic": (event.topic if event else None) or call.raw("topic"),
        "Timestamp": (event.timestamp if event else None) or call.iso(),
        "Headers": list(event.headers or []) if event else [],
    }
    body = event.get_body() if event else _body(value)
    return body, fields


def _kafka(value: object, call: Call) -> Delivery:
    if not call.many():
        body, fields = _kafka_parts(value, call, 1)
        return Delivery(_one_datum(body, call), fields)
    bodies: list[bytes | str] = []
    arrays: dict[str, list[object]] = {}
    for index, item in enumerate(_items(value, call), start=1):
        body, fields = _kafka_parts(item, call, index)
        bodies.append(body)
        for key, field in fields.items():
            arrays.setdefault(key + "Array", []).append(field)
    metadata: dict[str, object] = dict(arrays)
    metadata["OffsetArray"] = Datum(arrays.get("OffsetArray", []), "collection_sint64")
    metadata["TopicArray"] = Datum(
        [str(t) for t in arrays.get("TopicArray", [])], "collection_string"
    )
    return Delivery(_collection(bodies), metadata)


def _warmup(value: object, call: Call) -> Delivery:
    if value is not None and not isinstance(value, WarmUpContext):
        raise wrong_type(call, value)
    return Delivery(Datum("{}", "json"))


def generic(value: object, call: Call) -> Delivery:
    raw = _bytes(value)
    if raw is not None:
        return Delivery(Datum(raw, "bytes"))
    if isinstance(value, str):
        return Delivery(Datum(value, "string"))
    if isinstance(value, bool) or value is None:
        return Delivery(Datum(to_json(value), "json"))
    if isinstance(value, int):
        return Delivery(Datum(value, "int"))
    if isinstance(value, float):
        return Delivery(Datum(value, "double"))
    try:
        return Delivery(Datum(to_json(value), "json"))
    except (TypeError, ValueError):
        raise wrong_type(call, value) from None


def _blob_input(value: object, call: Call) -> Delivery:
    if value is None:
        return Delivery(Datum(None, None))  # a missing blob: the function gets None
    if isinstance(value, InputStream):
        value = _stream_bytes(value)
    if isinstance(value, str):
        return Delivery(Datum(value, "string"))
    raw = _bytes(value)
    if raw is not None:
        return Delivery(Datum(raw, "bytes"))
    raise wrong_type(call, value)


def _records_input(value: object, call: Call) -> Delivery:
    if value is None:
        return Delivery(Datum(None, None))
    return _json_array(value, call)


# binding type (lower case) -> (what a test may pass, conversion)
TRIGGERS: dict[str, tuple[str, Callable[[object, Call], Delivery]]] = {
    "httptrigger": ("azfn.HttpRequest, or the host's http dict {'method', 'url', ...}", _http),
    "queuetrigger": ("str, bytes, a dict or list (sent as JSON), or azfn.QueueMessage", _queue),
    "timertrigger": ("azfn.TimerRequest, the TimerInfo dict, or nothing", _timer),
    "blobtrigger": ("azfn.InputStream (with name='container/blob'), bytes or str", _blob),
    "eventgridtrigger": (
        "azfn.EventGridEvent, azfn.CloudEvent, a dict, or the event's JSON text",
        _eventgrid,
    ),
    "eventhubtrigger": (
        "azfn.EventHubEvent, str, bytes or a dict (a list of them for cardinality='many')",
        _eventhub,
    ),
    "servicebustrigger": (
        "azfn.ServiceBusMessage, str, bytes or a dict (a list of them for cardinality='many')",
        _servicebus,
    ),
    "cosmosdbtrigger": ("a list of dicts or azfn.Document, or an azfn.DocumentList", _json_array),
    "kafkatrigger": (
        "azfn.KafkaEvent, str, bytes or a dict (a list of them for cardinality='many')",
        _kafka,
    ),
    "sqltrigger": ("a list of changes {'Operation': 0|1|2, 'Item': {...}}", _json_array),
    "mysqltrigger": ("a list of changes {'Operation': 0|1|2, 'Item': {...}}", _json_array),
    "warmuptrigger": ("nothing (or azfn.WarmUpContext)", _warmup),
}

INPUTS: dict[str, tuple[str, Callable[[object, Call], Delivery]]] = {
    "blob": ("bytes, str, azfn.InputStream, or None for a missing blob", _blob_input),
    "cosmosdb": ("a list of dicts or azfn.Document, azfn.DocumentList, or None", _records_input),
    "sql": ("a list of dicts or azfn.SqlRow, azfn.SqlRowList, or None", _records_input),
    "mysql": ("a list of dicts or azfn.MySqlRow, azfn.MySqlRowList, or None", _records_input),
}

_GENERIC = "str, bytes, or a JSON-serializable value"

# Triggers the host fires without any data from the test.
OPTIONAL = {"timertrigger", "warmuptrigger"}


def expected_types(binding: BindingInfo) -> str:
    """Describe what a test may pass for *binding*."""
    table = TRIGGERS if binding.is_trigger else INPUTS
    entry = table.get(binding.type.lower())
    return entry[0] if entry is not None else _GENERIC


def wrong_type(call: Call, value: object) -> InvalidInputError:
    binding = call.binding
    kind = "trigger" if binding.is_trigger else "input"
    return InvalidInputError(
        f"cannot use a {type(value).__name__} for the {binding.type} {kind} {binding.name!r}: "
        f"pass {expected_types(binding)}"
    )


def merge_binding_data(
    target: dict[str, object], source: Mapping[str, object], *, arrays: bool
) -> None:
    """Add *source* to *target* ignoring key case; an existing key keeps its spelling."""
    folded = {key.casefold(): key for key in target}
    for key, value in source.items():
        if value is None or (not arrays and isinstance(value, list)):
            continue
        existing = folded.get(key.casefold())
        if existing is None:
            folded[key.casefold()] = key
            target[key] = value
        else:
            target[existing] = value
