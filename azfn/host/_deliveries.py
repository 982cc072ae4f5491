# pyright: strict
"""Which conversion serves each binding type, and what a test may pass for it.

The conversions themselves are in :mod:`._deliver_queue`,
:mod:`._deliver_messages` and :mod:`._deliver_data`; :mod:`._inputs` picks
one per binding by type (lower case) and assembles the whole invocation.

A trigger type may also have a *direct* conversion: it gives the Python value
its converter would read from the wire data, without that data in between.
It is the fast path for the common case (it may decline with ``None``; the
wire path then runs), used only when the trigger's parameter is read by that
converter and nothing needs the binding data. Tests pin each direct
conversion to its wire conversion and converter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from azfn.host import _deliver_data as data
from azfn.host import _deliver_messages as messages
from azfn.host import _deliver_queue as queues
from azfn.queue import QueueMessageInConverter

if TYPE_CHECKING:
    from collections.abc import Callable

    from azfn.host._delivery import Call
    from azfn.host._delivery import Delivery
    from azfn.host._model import BindingInfo

    Conversion = Callable[[object, Call], Delivery]
    DirectConversion = Callable[[object, Call], object | None]

__all__ = ["DIRECT", "INPUTS", "OPTIONAL", "TRIGGERS", "conversion_for", "expected_types"]

_MESSAGE = "str, bytes or a dict (a list of them for cardinality='many')"
_CHANGES = "a list of changes {'Operation': 0|1|2, 'Item': {...}}"

# binding type (lower case) -> (what a test may pass, conversion)
TRIGGERS: dict[str, tuple[str, Conversion]] = {
    "httptrigger": ("azfn.HttpRequest, or the host's http dict {'method', 'url', ...}", data.http),
    "queuetrigger": (
        "str, bytes, a dict or list (sent as JSON), or azfn.QueueMessage",
        queues.queue,
    ),
    "timertrigger": ("azfn.TimerRequest, the TimerInfo dict, or nothing", data.timer),
    "blobtrigger": ("azfn.InputStream (with name='container/blob'), bytes or str", data.blob),
    "eventgridtrigger": (
        "azfn.EventGridEvent, azfn.CloudEvent, a dict, or the event's JSON text",
        messages.event_grid,
    ),
    "eventhubtrigger": (f"azfn.EventHubEvent, {_MESSAGE}", messages.event_hub),
    "servicebustrigger": (f"azfn.ServiceBusMessage, {_MESSAGE}", messages.service_bus),
    "cosmosdbtrigger": (
        "a list of dicts or azfn.Document, or an azfn.DocumentList",
        data.json_records,
    ),
    "kafkatrigger": (f"azfn.KafkaEvent, {_MESSAGE}", messages.kafka),
    "sqltrigger": (_CHANGES, data.json_records),
    "mysqltrigger": (_CHANGES, data.json_records),
    "warmuptrigger": ("nothing (or azfn.WarmUpContext)", data.warmup),
}

INPUTS: dict[str, tuple[str, Conversion]] = {
    "blob": ("bytes, str, azfn.InputStream, or None for a missing blob", data.blob_input),
    "cosmosdb": (
        "a list of dicts or azfn.Document, azfn.DocumentList, or None",
        data.records_input,
    ),
    "sql": ("a list of dicts or azfn.SqlRow, azfn.SqlRowList, or None", data.records_input),
    "mysql": ("a list of dicts or azfn.MySqlRow, azfn.MySqlRowList, or None", data.records_input),
}

# trigger type (lower case) -> (the decoder it stands in for, direct conversion)
DIRECT: dict[str, tuple[object, DirectConversion]] = {
    "queuetrigger": (QueueMessageInConverter.decode, queues.queue_message),
}

_GENERIC = ("str, bytes, or a JSON-serializable value", data.generic)

# Triggers the host fires without any data from the test.
OPTIONAL = {"timertrigger", "warmuptrigger"}


def conversion_for(binding: BindingInfo) -> tuple[str, Conversion]:
    """Return what a test may pass for *binding* and the conversion that takes it."""
    table = TRIGGERS if binding.is_trigger else INPUTS
    return table.get(binding.type.lower(), _GENERIC)


def expected_types(binding: BindingInfo) -> str:
    """Describe what a test may pass for *binding*."""
    return conversion_for(binding)[0]
