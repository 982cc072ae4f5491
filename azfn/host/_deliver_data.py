# pyright: strict
"""Deliveries of the other triggers and of input bindings.

HTTP, timer, blob, Cosmos DB / SQL change feeds, warm-up, and the input
bindings a test supplies (blob, Cosmos DB, SQL...): what the host sends for
the value a test passes (host-semantics §A2.2, §A5.3, §A7). Storage queues
are in :mod:`._deliver_queue`, other messaging triggers in
:mod:`._deliver_messages`.
"""

from __future__ import annotations

import collections
import contextlib
import datetime
import json
import typing
from collections.abc import Mapping
from urllib.parse import urlencode

from azfn._ids import hex_id
from azfn.blob import InputStream
from azfn.cosmosdb import JsonRecord
from azfn.host._delivery import Call
from azfn.host._delivery import Delivery
from azfn.host._delivery import InvalidInputError
from azfn.host._delivery import as_bytes
from azfn.host._delivery import as_mapping
from azfn.host._delivery import body_of
from azfn.host._delivery import iso
from azfn.host._delivery import merge_binding_data
from azfn.host._delivery import to_json
from azfn.host._delivery import wrong_type
from azfn.host._expressions import BindingExpressionError
from azfn.host._expressions import blob_path_captures
from azfn.host._expressions import resolve
from azfn.http import HttpRequest
from azfn.meta import Datum
from azfn.timer import TimerRequest
from azfn.warmup import WarmUpContext

__all__ = [
    "blob",
    "blob_input",
    "generic",
    "http",
    "json_records",
    "records_input",
    "timer",
    "warmup",
]


def http(value: object, call: Call) -> Delivery:
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
        given = as_mapping(value)
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


def timer(value: object, call: Call) -> Delivery:
    schedule_text = str(call.raw("schedule") or "")
    is_constant = ":" in schedule_text and " " not in schedule_text.strip()
    schedule: dict[str, object] = {"AdjustForDST": not is_constant}
    status: object = None
    following = _next_runs(schedule_text, call)
    if _monitored(call.raw("useMonitor"), following, call):
        status = {
            "Last": call.iso(),
            "Next": iso(following[0]) if following else call.iso(),
            "LastUpdated": call.iso(),
        }
    past_due = False
    if isinstance(value, TimerRequest):
        past_due = value.past_due
        status = value.schedule_status or status
        schedule = value.schedule or schedule
    elif isinstance(value, Mapping):
        payload = dict(typing.cast("Mapping[str, object]", value))
        return Delivery(Datum(to_json(payload), "json"), {"TimerTrigger": call.iso()})
    elif value is not None and not isinstance(value, bool):
        raise wrong_type(call, value)
    elif isinstance(value, bool):
        past_due = value
    payload = {"Schedule": schedule, "ScheduleStatus": status, "IsPastDue": past_due}
    return Delivery(Datum(to_json(payload), "json"), {"TimerTrigger": call.iso()})


def _next_runs(schedule_text: str, call: Call) -> tuple[datetime.datetime, ...]:
    """The schedule's next two occurrences after the delivery time (none if unknown)."""
    from azfn._ncrontab import parse_schedule

    try:
        text = resolve(schedule_text, {}, call.settings) if "%" in schedule_text else schedule_text
        schedule = parse_schedule(text)
        first = schedule.next_after(call.now)
        return first, schedule.next_after(first)
    except (ValueError, BindingExpressionError):
        return ()  # a malformed schedule is reported when the app is indexed


def _monitored(use_monitor: object, following: tuple[datetime.datetime, ...], call: Call) -> bool:
    """Whether the host keeps a schedule status (host-semantics §A5.2).

    ``useMonitor`` defaults to true but is turned off for schedules that fire
    more than once in the next minute.
    """
    if use_monitor is not None:
        return use_monitor is not False
    return not following or following[1] - call.now > _MINUTE


_MINUTE = datetime.timedelta(minutes=1)


def _stream_bytes(stream: InputStream) -> bytes:
    buffer = getattr(stream, "_io", None)  # read without consuming the test's stream
    getvalue = getattr(buffer, "getvalue", None)
    if callable(getvalue):
        content = getvalue()
        if isinstance(content, bytes):
            return content
    return stream.read()


def blob(value: object, call: Call) -> Delivery:
    pattern = str(call.raw("path") or "")
    with contextlib.suppress(BindingExpressionError):
        pattern = resolve(pattern, {}, call.settings) if "%" in pattern else pattern
    stream = value if isinstance(value, InputStream) else None
    if stream is None and not isinstance(value, str) and as_bytes(value) is None:
        raise wrong_type(call, value)
    content = _stream_bytes(stream) if stream is not None else body_of(value)
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
        "ETag": f'"0x{hex_id(8)[:15].upper()}"',
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


def json_records(value: object, call: Call) -> Delivery:
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


def warmup(value: object, call: Call) -> Delivery:
    if value is not None and not isinstance(value, WarmUpContext):
        raise wrong_type(call, value)
    return Delivery(Datum("{}", "json"))


def generic(value: object, call: Call) -> Delivery:
    raw = as_bytes(value)
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


def blob_input(value: object, call: Call) -> Delivery:
    if value is None:
        return Delivery(Datum(None, None))  # a missing blob: the function gets None
    if isinstance(value, InputStream):
        value = _stream_bytes(value)
    if isinstance(value, str):
        return Delivery(Datum(value, "string"))
    raw = as_bytes(value)
    if raw is not None:
        return Delivery(Datum(raw, "bytes"))
    raise wrong_type(call, value)


def records_input(value: object, call: Call) -> Delivery:
    if value is None:
        return Delivery(Datum(None, None))
    return json_records(value, call)


def _is_userlist(value: object) -> bool:
    return isinstance(value, collections.UserList)
