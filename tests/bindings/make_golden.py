"""Write ``golden.json``: the reference library's metadata for every decorator.

Run with the reference installed (``azure-functions==1.26.0``)::

    /tmp/ref/bin/python tests/bindings/make_golden.py

Not collected by pytest. Every case is a snippet of source code that
decorates a function ``f`` with ``app`` (a ``FunctionApp``), ``func`` (the
top-level package), ``dec`` (its ``decorators`` modules) and ``datetime``.
The same snippet runs against azfn in ``test_metadata.py``.

Where azfn deliberately differs (a bug of the reference fixed), the case has
a ``fix`` note and the table holds *our* intended output, made by a ``patch``
of the reference's output or by running an ``intended`` snippet; the
reference's own result is kept under ``reference`` for the differential test.
"""

from __future__ import annotations

import dataclasses
import datetime
import importlib
import inspect
import json
import logging
import sys
import types
from collections.abc import Callable
from collections.abc import Mapping
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("golden.json")

#: The reference's ``decorators`` modules a snippet may use as ``dec.<name>``.
MODULES = (
    "blob",
    "connectors",
    "constants",
    "core",
    "cosmosdb",
    "dapr",
    "eventgrid",
    "eventhub",
    "function_app",
    "function_name",
    "generic",
    "http",
    "kafka",
    "mcp",
    "mysql",
    "openai",
    "queue",
    "retry_policy",
    "servicebus",
    "sql",
    "table",
    "timer",
    "utils",
    "warmup",
)

#: Added under decorators of input and output bindings: a function needs a trigger.
HELPER_TRIGGER = 'app.queue_trigger("trigger", "jobs", "Storage")'

Patch = Callable[[list[dict[str, Any]]], None]


class Code:
    """A value written into a snippet as code rather than as a literal."""

    def __init__(self, code: str) -> None:
        self.code = code

    def __repr__(self) -> str:
        return self.code


@dataclasses.dataclass
class Case:
    """One golden entry: a decorated function and what it must emit."""

    id: str
    decorators: list[str]
    source: str | None = None
    build: bool = True
    fix: str | None = None
    patch: Patch | None = None
    intended: list[str] | None = None


def call(method: str, *args: object, **kwargs: object) -> str:
    """Return the decorator expression ``app.method(args..., kwargs...)``."""
    parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    return f"app.{method}({', '.join(parts)})"


def namespace(root: str) -> dict[str, Any]:
    """Return the globals a snippet runs with, for package *root*."""
    func = importlib.import_module(root)
    dec = types.SimpleNamespace(
        **{name: importlib.import_module(f"{root}.decorators.{name}") for name in MODULES}
    )
    return {"app": func.FunctionApp(), "func": func, "dec": dec, "datetime": datetime}


def source_of(case: Case, decorators: list[str], params: str) -> str:
    """Return the snippet: decorators stacked on ``def f(params)``."""
    if case.source is not None:
        return case.source
    lines = [f"@{d}" for d in decorators]
    return "\n".join([*lines, f"def f({params}):", "    pass", ""])


def run(root: str, source: str) -> tuple[list[str], str | None]:
    """Run *source*; return raw bindings and the function JSON (if it builds)."""
    ns = namespace(root)
    # dont_inherit: this module's `from __future__ import annotations` must
    # not leak into the snippet.
    exec(compile(source, f"<golden {root}>", "exec", dont_inherit=True), ns)
    try:
        (function,) = ns["app"].get_functions()
    except Exception:
        return list(ns["f"]._function.get_raw_bindings()), None
    return list(function.get_raw_bindings()), function.get_function_json()


def binding_names(root: str, case: Case, decorators: list[str]) -> str:
    """Return the parameter list the decorated function needs."""
    if case.source is not None:
        return ""
    probe = source_of(case, decorators, "*args, **kwargs")
    ns = namespace(root)
    exec(compile(probe, f"<probe {root}>", "exec", dont_inherit=True), ns)
    names = [b.name for b in ns["f"]._function.get_bindings()]
    return ", ".join(n for n in reversed(names) if n != "$return")


def is_trigger(method: str) -> bool:
    """Return whether *method* declares a trigger (else a helper trigger is added)."""
    return method in TRIGGERS


def describe(root: str, case: Case) -> dict[str, Any]:
    """Run *case* against the reference and return its golden entry."""
    decorators = list(case.decorators)
    if case.source is None and not any(is_trigger(d.split("(")[0][4:]) for d in decorators):
        decorators.append(HELPER_TRIGGER)
    params = binding_names(root, case, decorators)
    source = source_of(case, decorators, params)
    entry: dict[str, Any] = {"id": case.id, "source": source, "build": case.build}
    try:
        raw, function_json = run(root, source)
    except Exception as exc:
        reference: dict[str, Any] = {"error": f"{type(exc).__name__}: {exc}"}
        raw, function_json = [], None
    else:
        reference = {"raw": raw, "function_json": function_json if case.build else None}
    if case.intended is not None:
        intended = source_of(case, [*case.intended, *decorators[len(case.decorators) :]], params)
        raw, function_json = run(root, intended)
    if case.patch is not None:
        bindings = [json.loads(r) for r in raw]
        case.patch(bindings)
        raw = [json.dumps(b) for b in bindings]
        if function_json is not None:
            function_json = json.dumps({**json.loads(function_json), "bindings": bindings})
    entry["raw"] = raw
    entry["function_json"] = function_json if case.build else None
    if case.fix is not None:
        entry["fix"] = case.fix
        entry["reference"] = reference
    elif "error" in reference:
        raise RuntimeError(f"{case.id}: the reference failed: {reference['error']}")
    return entry


# -- patches for the documented fixes ------------------------------------------------


def set_key(key: str, value: object, index: int = -1) -> Patch:
    """Return a patch setting *key* of binding *index* (the case's own: the last)."""

    def patch(bindings: list[dict[str, Any]]) -> None:
        bindings[index][key] = value

    return patch


def set_keys(*changes: tuple[str, object]) -> Patch:
    """Return a patch setting several keys of the last binding."""

    def patch(bindings: list[dict[str, Any]]) -> None:
        for key, value in changes:
            bindings[-1][key] = value

    return patch


def _tool(bindings: list[dict[str, Any]]) -> dict[str, Any]:
    return next(b for b in bindings if b["type"] == "mcpToolTrigger")


def tool_key(key: str, value: object) -> Patch:
    """Return a patch setting *key* of the MCP tool trigger."""

    def patch(bindings: list[dict[str, Any]]) -> None:
        _tool(bindings)[key] = value

    return patch


def tool_property(name: str, **changes: object) -> Patch:
    """Return a patch changing one property inside ``toolProperties``."""

    def patch(bindings: list[dict[str, Any]]) -> None:
        tool = _tool(bindings)
        props = json.loads(tool["toolProperties"])
        for prop in props:
            if prop["propertyName"] == name:
                prop.update(changes)
        tool["toolProperties"] = json.dumps(props)

    return patch


def drop_property(name: str) -> Patch:
    """Return a patch removing one property from ``toolProperties``."""

    def patch(bindings: list[dict[str, Any]]) -> None:
        tool = _tool(bindings)
        props = json.loads(tool["toolProperties"])
        tool["toolProperties"] = json.dumps([p for p in props if p["propertyName"] != name])

    return patch


def both(*patches: Patch) -> Patch:
    """Return a patch applying *patches* in order."""

    def patch(bindings: list[dict[str, Any]]) -> None:
        for p in patches:
            p(bindings)

    return patch


CHAT = "gpt-3.5-turbo"
EMBED = "text-embedding-ada-002"
MODEL_FIX = (
    "the reference renders the default models by enum name (DefaultChatModel); "
    "the host needs the model id"
)
DT = Code("func.DataType.STRING")

TRIGGERS = {
    "route",
    "timer_trigger",
    "schedule",
    "warm_up_trigger",
    "queue_trigger",
    "blob_trigger",
    "event_hub_message_trigger",
    "service_bus_queue_trigger",
    "service_bus_topic_trigger",
    "cosmos_db_trigger",
    "cosmos_db_trigger_v3",
    "event_grid_trigger",
    "kafka_trigger",
    "sql_trigger",
    "mysql_trigger",
    "generic_trigger",
    "connector_trigger",
    "mcp_tool_trigger",
    "mcp_resource_trigger",
    "mcp_prompt_trigger",
    "mcp_tool",
    "dapr_service_invocation_trigger",
    "dapr_binding_trigger",
    "dapr_topic_trigger",
    "assistant_skill_trigger",
}

KAFKA_COMMON: dict[str, object] = {
    "avro_schema": "as",
    "key_avro_schema": "kas",
    "key_data_type": Code("dec.kafka.KafkaMessageKeyType.BINARY"),
    "username": "u",
    "password": "p",
    "ssl_key_location": "skl",
    "ssl_ca_location": "scl",
    "ssl_certificate_location": "sce",
    "ssl_key_password": "skp",
    "ssl_certificate_pem": "scp",
    "ssl_key_pem": "skpem",
    "ssl_ca_pem": "scapem",
    "ssl_certificate_and_key_pem": "sckp",
    "schema_registry_url": "sru",
    "schema_registry_username": "sruser",
    "schema_registry_password": "srp",
    "o_auth_bearer_method": Code("dec.kafka.OAuthBearerMethod.OIDC"),
    "o_auth_bearer_client_id": "cid",
    "o_auth_bearer_client_secret": "cs",
    "o_auth_bearer_scope": "sc",
    "o_auth_bearer_token_endpoint_url": "teu",
    "o_auth_bearer_extensions": "ext",
}

MCP_TOOL_SOURCE = """
{future}
MCPToolContext = getattr(dec.mcp, "MCPToolContext", None) or type("MCPToolContext", (dict,), {{}})
{above}
{decorators}
{below}
def get_snippet(name: str, count: int, ratio: float, tags: list[str], flag: bool = False,
                note: {optional} = None, when: datetime.datetime = None,
                other: object = None, snippet: str = "", ctx: MCPToolContext = None) -> {returns}:
    {doc}
    return ""

f = get_snippet
"""

BLOB_INPUT = '@app.blob_input("snippet", "snippets/{name}.json", "Storage")'


def mcp_tool_source(
    *decorators: str,
    doc: str = '"""Fetch a snippet."""',
    future: bool = False,
    optional: str = "typing.Optional[int]",
    binding_above: bool = False,
    returns: str = "str",
) -> str:
    """Return an MCP tool snippet: *decorators* and a blob input (below them)."""
    future_line = "from __future__ import annotations\nimport typing" if future else "import typing"
    return MCP_TOOL_SOURCE.format(
        future=future_line,
        above=BLOB_INPUT if binding_above else "",
        decorators="\n".join(f"@{d}" for d in decorators),
        below="" if binding_above else BLOB_INPUT,
        doc=doc,
        optional=optional,
        returns=returns,
    )


def cases() -> list[Case]:
    """Return every golden case."""
    out: list[Case] = []

    def add(
        method: str,
        minimal: tuple[object, ...],
        full: Mapping[str, object],
        *extra: Case,
    ) -> None:
        out.append(Case(f"{method}/minimal", [call(method, *minimal)]))
        out.append(Case(f"{method}/all", [call(method, **full)]))
        out.extend(extra)

    # -- HTTP, timer, queue (declared elsewhere; here for completeness) --
    add(
        "route",
        (),
        {
            "route": "items/{id}",
            "trigger_arg_name": "request",
            "binding_arg_name": "out",
            "methods": ["get", Code("func.HttpMethod.POST")],
            "auth_level": "admin",
            "trigger_extra_fields": {"foo_bar": 1},
            "binding_extra_fields": {"x_y": 2},
        },
    )
    add(
        "timer_trigger",
        ("timer", "0 */5 * * * *"),
        {
            "arg_name": "timer",
            "schedule": "0 */5 * * * *",
            "run_on_startup": True,
            "use_monitor": False,
            "data_type": DT,
        },
    )
    add("schedule", ("timer", "0 */5 * * * *"), {"arg_name": "t", "schedule": "0 0 * * * *"})
    add(
        "queue_trigger",
        ("msg", "jobs", "Storage"),
        {"arg_name": "msg", "queue_name": "jobs", "connection": "Storage", "data_type": "binary"},
    )
    add(
        "queue_output",
        ("out", "jobs", "Storage"),
        {"arg_name": "out", "queue_name": "jobs", "connection": "Storage", "data_type": DT},
    )
    add("warm_up_trigger", ("warmup",), {"arg_name": "warmup", "data_type": DT})

    # -- Blob --
    add(
        "blob_trigger",
        ("blob", "samples/{name}", "Storage"),
        {
            "arg_name": "blob",
            "path": "samples/{name}",
            "connection": "Storage",
            "source": Code("func.BlobSource.EVENT_GRID"),
            "data_type": "Binary",
        },
        Case(
            "blob_trigger/source-string",
            [call("blob_trigger", "blob", "p/{n}", "Storage", source="LogsAndContainerScan")],
        ),
        Case(
            "blob_trigger/source-any-case",
            [call("blob_trigger", "blob", "p/{n}", "Storage", source="eventgrid")],
            fix="the reference emits a source string unchanged; azfn parses it "
            "case-insensitively and renders the host's spelling",
            patch=set_key("source", "EventGrid"),
        ),
    )
    for method in ("blob_input", "blob_output"):
        add(
            method,
            ("file", "samples/{name}", "Storage"),
            {"arg_name": "file", "path": "samples/x", "connection": "Storage", "data_type": DT},
        )

    # -- Table (no **kwargs) --
    add(
        "table_input",
        ("row", "Storage", "tbl"),
        {
            "arg_name": "row",
            "connection": "Storage",
            "table_name": "tbl",
            "row_key": "rk",
            "partition_key": "pk",
            "take": 5,
            "filter": "Age gt 3",
            "data_type": DT,
        },
    )
    add(
        "table_output",
        ("row", "Storage", "tbl"),
        {
            "arg_name": "row",
            "connection": "Storage",
            "table_name": "tbl",
            "row_key": "rk",
            "partition_key": "pk",
            "data_type": DT,
        },
    )

    # -- Event Hubs --
    add(
        "event_hub_message_trigger",
        ("event", "Hub", "hub"),
        {
            "arg_name": "event",
            "connection": "Hub",
            "event_hub_name": "hub",
            "data_type": DT,
            "cardinality": "many",
            "consumer_group": "$Default",
        },
        Case(
            "event_hub_message_trigger/enum",
            [
                call(
                    "event_hub_message_trigger",
                    "e",
                    "c",
                    "h",
                    cardinality=Code("func.Cardinality.ONE"),
                )
            ],
        ),
    )
    add(
        "event_hub_output",
        ("out", "Hub", "hub"),
        {"arg_name": "out", "connection": "Hub", "event_hub_name": "hub", "data_type": DT},
    )

    # -- Service Bus --
    sb_trigger = {
        "data_type": DT,
        "access_rights": "Manage",
        "is_sessions_enabled": True,
        "cardinality": Code("func.Cardinality.MANY"),
        "auto_complete_messages": False,
    }
    add(
        "service_bus_queue_trigger",
        ("msg", "Bus", "q"),
        {"arg_name": "msg", "connection": "Bus", "queue_name": "q", **sb_trigger},
        Case(
            "service_bus_queue_trigger/extra",
            [
                call(
                    "service_bus_queue_trigger",
                    "msg",
                    "Bus",
                    "q",
                    auto_complete_messages=True,
                    max_x=1,
                )
            ],
        ),
    )
    add(
        "service_bus_topic_trigger",
        ("msg", "Bus", "t", "s"),
        {
            "arg_name": "msg",
            "connection": "Bus",
            "topic_name": "t",
            "subscription_name": "s",
            **sb_trigger,
        },
    )
    add(
        "service_bus_queue_output",
        ("out", "Bus", "q"),
        {
            "arg_name": "out",
            "connection": "Bus",
            "queue_name": "q",
            "data_type": DT,
            "access_rights": Code("func.AccessRights.LISTEN"),
        },
    )
    add(
        "service_bus_topic_output",
        ("out", "Bus", "t"),
        {
            "arg_name": "out",
            "connection": "Bus",
            "topic_name": "t",
            "subscription_name": "s",
            "data_type": DT,
            "access_rights": "listen",
        },
    )

    # -- Cosmos DB v4 --
    add(
        "cosmos_db_trigger",
        ("docs", "Cosmos", "db", "items"),
        {
            "arg_name": "docs",
            "connection": "Cosmos",
            "database_name": "db",
            "container_name": "items",
            "lease_connection": "LeaseConn",
            "lease_database_name": "ldb",
            "lease_container_name": "leases",
            "create_lease_container_if_not_exists": True,
            "leases_container_throughput": 400,
            "lease_container_prefix": "pre",
            "feed_poll_delay": 5000,
            "lease_acquire_interval": 13000,
            "lease_expiration_interval": 60000,
            "lease_renew_interval": 17000,
            "max_items_per_invocation": 10,
            "start_from_beginning": True,
            "start_from_time": "2021-02-16T14:19:29Z",
            "preferred_locations": "East US,West US",
            "data_type": DT,
        },
        Case(
            "cosmos_db_trigger/datetime",
            [
                call(
                    "cosmos_db_trigger",
                    "docs",
                    "Cosmos",
                    "db",
                    "items",
                    start_from_time=Code(
                        "datetime.datetime(2021, 2, 16, 14, 19, 29, tzinfo=datetime.timezone.utc)"
                    ),
                )
            ],
            fix="the reference cannot write a datetime start_from_time (TypeError); "
            "azfn writes it as an ISO 8601 string",
            intended=[
                call(
                    "cosmos_db_trigger",
                    "docs",
                    "Cosmos",
                    "db",
                    "items",
                    start_from_time="2021-02-16T14:19:29+00:00",
                )
            ],
        ),
    )
    add(
        "cosmos_db_input",
        ("doc", "Cosmos", "db", "items"),
        {
            "arg_name": "doc",
            "connection": "Cosmos",
            "database_name": "db",
            "container_name": "items",
            "partition_key": "{pk}",
            "id": "{id}",
            "sql_query": "SELECT * FROM c",
            "preferred_locations": "East US",
            "data_type": DT,
        },
    )
    add(
        "cosmos_db_output",
        ("doc", "Cosmos", "db", "items"),
        {
            "arg_name": "doc",
            "connection": "Cosmos",
            "database_name": "db",
            "container_name": "items",
            "create_if_not_exists": True,
            "partition_key": "/id",
            "container_throughput": 400,
            "preferred_locations": "East US",
            "data_type": DT,
        },
    )
    # -- Cosmos DB v3 --
    add(
        "cosmos_db_trigger_v3",
        ("docs", "db", "items", "Cosmos"),
        {
            "arg_name": "docs",
            "database_name": "db",
            "collection_name": "items",
            "connection_string_setting": "Cosmos",
            "lease_collection_name": "leases",
            "lease_connection_string_setting": "LeaseConn",
            "lease_database_name": "ldb",
            "create_lease_collection_if_not_exists": True,
            "leases_collection_throughput": 400,
            "lease_collection_prefix": "pre",
            "checkpoint_interval": 1,
            "checkpoint_document_count": 2,
            "feed_poll_delay": 3,
            "lease_renew_interval": 4,
            "lease_acquire_interval": 5,
            "lease_expiration_interval": 6,
            "max_items_per_invocation": 7,
            "start_from_beginning": False,
            "preferred_locations": "East US",
            "data_type": DT,
        },
    )
    add(
        "cosmos_db_input_v3",
        ("doc", "db", "items", "Cosmos"),
        {
            "arg_name": "doc",
            "database_name": "db",
            "collection_name": "items",
            "connection_string_setting": "Cosmos",
            "id": "{id}",
            "sql_query": "SELECT 1",
            "partition_key": "{pk}",
            "data_type": DT,
        },
    )
    add(
        "cosmos_db_output_v3",
        ("doc", "db", "items", "Cosmos"),
        {
            "arg_name": "doc",
            "database_name": "db",
            "collection_name": "items",
            "connection_string_setting": "Cosmos",
            "create_if_not_exists": True,
            "partition_key": "/id",
            "collection_throughput": 400,
            "use_multiple_write_locations": True,
            "preferred_locations": "East US",
            "data_type": DT,
        },
    )

    # -- Event Grid --
    add("event_grid_trigger", ("event",), {"arg_name": "event", "data_type": DT})
    out.append(
        Case("event_grid_output/connection", [call("event_grid_output", "out", connection="EG")])
    )
    out.append(
        Case(
            "event_grid_output/topic",
            [
                call(
                    "event_grid_output",
                    arg_name="out",
                    topic_endpoint_uri="MyTopicUri",
                    topic_key_setting="MyTopicKey",
                    data_type=DT,
                    extra_field="x",
                )
            ],
        )
    )

    # -- Kafka --
    add(
        "kafka_trigger",
        ("event", "topic", "BrokerList"),
        {
            "arg_name": "event",
            "topic": "topic",
            "broker_list": "BrokerList",
            "event_hub_connection_string": "EH",
            "consumer_group": "$Default",
            **KAFKA_COMMON,
            "authentication_mode": "plain",
            "protocol": Code("dec.kafka.BrokerProtocol.SASLSSL"),
            "cardinality": "many",
            "lag_threshold": 50,
            "data_type": DT,
        },
    )
    add(
        "kafka_output",
        ("out", "topic", "BrokerList"),
        {
            "arg_name": "out",
            "topic": "topic",
            "broker_list": "BrokerList",
            **KAFKA_COMMON,
            "max_message_bytes": 10,
            "batch_size": 20,
            "enable_idempotence": True,
            "message_timeout_ms": 30,
            "request_timeout_ms": 40,
            "max_retries": 50,
            "authentication_mode": Code("dec.kafka.BrokerAuthenticationMode.SCRAMSHA512"),
            "protocol": "ssl",
            "linger_ms": 60,
            "data_type": DT,
        },
        Case(
            "kafka_output/default-oauth",
            [call("kafka_output", "out", "t", "b", o_auth_bearer_method="default")],
        ),
    )

    # -- SQL and MySQL --
    for prefix in ("sql", "mysql"):
        add(
            f"{prefix}_trigger",
            ("changes", "dbo.Items", "SqlConn"),
            {
                "arg_name": "changes",
                "table_name": "dbo.Items",
                "connection_string_setting": "SqlConn",
                "leases_table_name": "Leases",
                "data_type": DT,
            },
        )
        add(
            f"{prefix}_input",
            ("rows", "SELECT 1", "SqlConn"),
            {
                "arg_name": "rows",
                "command_text": "GetItems",
                "connection_string_setting": "SqlConn",
                "command_type": "StoredProcedure",
                "parameters": "@Id={id}",
                "data_type": DT,
            },
        )
        add(
            f"{prefix}_output",
            ("rows", "dbo.Items", "SqlConn"),
            {
                "arg_name": "rows",
                "command_text": "dbo.Items",
                "connection_string_setting": "SqlConn",
                "data_type": DT,
            },
        )

    # -- Dapr --
    add(
        "dapr_service_invocation_trigger",
        ("payload", "method"),
        {"arg_name": "payload", "method_name": "m", "data_type": DT},
    )
    add(
        "dapr_binding_trigger",
        ("payload", "binding"),
        {"arg_name": "payload", "binding_name": "b", "data_type": DT},
    )
    add(
        "dapr_topic_trigger",
        ("payload", "pubsub", "orders"),
        {"arg_name": "payload", "pub_sub_name": "ps", "topic": "t", "route": "/r", "data_type": DT},
        Case(
            "dapr_topic_trigger/empty-route", [call("dapr_topic_trigger", "p", "ps", "t", route="")]
        ),
    )
    add(
        "dapr_state_input",
        ("state", "store", "key"),
        {
            "arg_name": "state",
            "state_store": "s",
            "key": "k",
            "dapr_address": "addr",
            "data_type": DT,
        },
    )
    add(
        "dapr_secret_input",
        ("secret", "store", "key", "meta"),
        {
            "arg_name": "secret",
            "secret_store_name": "s",
            "key": "k",
            "metadata": "m",
            "dapr_address": "a",
            "data_type": DT,
        },
    )
    add(
        "dapr_state_output",
        ("state", "store", "key"),
        {"arg_name": "state", "state_store": "s", "key": "k", "dapr_address": "a", "data_type": DT},
    )
    add(
        "dapr_invoke_output",
        ("out", "app", "method", "post"),
        {
            "arg_name": "out",
            "app_id": "a",
            "method_name": "m",
            "http_verb": "get",
            "dapr_address": "d",
            "data_type": DT,
        },
    )
    add(
        "dapr_publish_output",
        ("out", "pubsub", "topic"),
        {
            "arg_name": "out",
            "pub_sub_name": "ps",
            "topic": "t",
            "dapr_address": "a",
            "data_type": DT,
        },
    )
    add(
        "dapr_binding_output",
        ("out", "binding", "create"),
        {
            "arg_name": "out",
            "binding_name": "b",
            "operation": "create",
            "dapr_address": "a",
            "data_type": DT,
        },
    )

    # -- Generic and connector --
    add(
        "generic_trigger",
        ("req", "customTrigger"),
        {"arg_name": "req", "type": "customTrigger", "data_type": DT, "some_setting": "x"},
    )
    add(
        "generic_input_binding",
        ("thing", "custom"),
        {
            "arg_name": "thing",
            "type": "custom",
            "data_type": DT,
            "nested": {"a": None, "b": [1, None]},
        },
    )
    add(
        "generic_output_binding",
        ("thing", "custom"),
        {"arg_name": "thing", "type": "custom", "data_type": DT, "camelKey": 1, "_private": 2},
    )
    add("connector_trigger", ("payload",), {"arg_name": "payload", "data_type": DT})

    # -- OpenAI / assistants --
    add(
        "assistant_skill_trigger",
        ("args", "Adds a todo"),
        {
            "arg_name": "args",
            "function_description": "Adds a todo",
            "function_name": "AddTodo",
            "parameter_description_json": "{}",
            "data_type": DT,
        },
    )
    out.append(
        Case(
            "text_completion_input/minimal",
            [call("text_completion_input", "response", "Who is {name}?")],
            fix=MODEL_FIX,
            patch=set_key("chatModel", CHAT),
        )
    )
    out.append(
        Case(
            "text_completion_input/all",
            [
                call(
                    "text_completion_input",
                    arg_name="response",
                    prompt="Who is {name}?",
                    ai_connection_name="AI",
                    chat_model="gpt-4o",
                    temperature="0.2",
                    top_p="0.9",
                    max_tokens="200",
                    is_reasoning_model=True,
                    data_type=DT,
                )
            ],
        )
    )
    out.append(
        Case(
            "text_completion_input/enum-model",
            [
                call(
                    "text_completion_input",
                    "response",
                    "p",
                    chat_model=Code("dec.openai.OpenAIModels.DefaultChatModel"),
                )
            ],
            fix=MODEL_FIX,
            patch=set_key("chatModel", CHAT),
        )
    )
    add("assistant_create_output", ("requests",), {"arg_name": "requests", "data_type": DT})
    add(
        "assistant_query_input",
        ("state", "{id}", "{timestamp}"),
        {
            "arg_name": "state",
            "id": "{id}",
            "timestamp_utc": "{ts}",
            "chat_storage_connection_setting": "Chat",
            "collection_name": "C",
            "data_type": DT,
        },
    )
    out.append(
        Case(
            "assistant_post_input/minimal",
            [call("assistant_post_input", "state", "{id}", "{message}")],
            fix=MODEL_FIX,
            patch=set_key("chatModel", CHAT),
        )
    )
    out.append(
        Case(
            "assistant_post_input/all",
            [
                call(
                    "assistant_post_input",
                    arg_name="state",
                    id="{id}",
                    user_message="{m}",
                    ai_connection_name="AI",
                    chat_model="gpt-4",
                    chat_storage_connection_setting="Chat",
                    collection_name="C",
                    temperature="0.1",
                    top_p="0.5",
                    max_tokens="10",
                    is_reasoning_model=True,
                    data_type=DT,
                )
            ],
        )
    )
    out.append(
        Case(
            "embeddings_input/minimal",
            [call("embeddings_input", "embeddings", "{text}", "raw_text")],
            fix=MODEL_FIX,
            patch=set_key("embeddingsModel", EMBED),
        )
    )
    out.append(
        Case(
            "embeddings_input/enum-input-type",
            [
                call(
                    "embeddings_input",
                    "embeddings",
                    "{path}",
                    Code("dec.openai.InputType.RawText"),
                    embeddings_model="text-embedding-3-small",
                )
            ],
            fix="the reference renders InputType members by name (RawText); the "
            "binding's value is raw_text",
            patch=set_key("inputType", "raw_text"),
        )
    )
    out.append(
        Case(
            "embeddings_input/all",
            [
                call(
                    "embeddings_input",
                    arg_name="embeddings",
                    input="{path}",
                    input_type="file_path",
                    ai_connection_name="AI",
                    embeddings_model="text-embedding-3-small",
                    max_chunk_length=100,
                    max_overlap=10,
                    data_type=DT,
                )
            ],
        )
    )
    out.append(
        Case(
            "semantic_search_input/minimal",
            [call("semantic_search_input", "result", "Search", "docs")],
            fix=MODEL_FIX,
            patch=set_keys(("embeddingsModel", EMBED), ("chatModel", CHAT)),
        )
    )
    out.append(
        Case(
            "semantic_search_input/all",
            [
                call(
                    "semantic_search_input",
                    arg_name="result",
                    search_connection_name="Search",
                    collection="docs",
                    query="{q}",
                    ai_connection_name="AI",
                    embeddings_model="e",
                    chat_model="c",
                    system_prompt="Be brief.",
                    max_knowledge_count=3,
                    temperature="0.1",
                    top_p="0.2",
                    max_tokens="30",
                    is_reasoning_model=True,
                    data_type=DT,
                )
            ],
        )
    )
    out.append(
        Case(
            "embeddings_store_output/minimal",
            [call("embeddings_store_output", "out", "{url}", "url", "Search", "docs")],
            fix=MODEL_FIX,
            patch=set_key("embeddingsModel", EMBED),
        )
    )
    out.append(
        Case(
            "embeddings_store_output/all",
            [
                call(
                    "embeddings_store_output",
                    arg_name="out",
                    input="{path}",
                    input_type="file_path",
                    store_connection_name="Search",
                    collection="docs",
                    ai_connection_name="AI",
                    embeddings_model="m",
                    max_chunk_length=1,
                    max_overlap=2,
                    data_type=DT,
                )
            ],
        )
    )

    # -- MCP --
    add(
        "mcp_tool_trigger",
        ("context", "get_snippet"),
        {
            "arg_name": "context",
            "tool_name": "get_snippet",
            "description": "Fetch a snippet",
            "tool_properties": '[{"propertyName": "name"}]',
            "data_type": DT,
        },
        Case(
            "mcp_tool_trigger/kwargs",
            [
                call(
                    "mcp_tool_trigger",
                    "context",
                    "t",
                    metadata='{"k": 1}',
                    use_result_schema=True,
                    zz=1,
                )
            ],
        ),
    )
    add(
        "mcp_resource_trigger",
        ("context", "file://readme", "readme"),
        {
            "arg_name": "context",
            "uri": "file://readme",
            "resource_name": "readme",
            "title": "Readme",
            "description": "The readme",
            "mime_type": "text/markdown",
            "size": 12,
            "metadata": "{}",
            "data_type": DT,
        },
    )
    add(
        "mcp_prompt_trigger",
        ("context", "summarize"),
        {
            "arg_name": "context",
            "prompt_name": "summarize",
            "prompt_arguments": [
                Code('dec.mcp.PromptArgument("topic", "the topic", True)'),
                Code('dec.mcp.PromptArgument(name="style")'),
            ],
            "title": "Summarize",
            "description": "Summarize a topic",
            "metadata": '{"a": 1}',
            "icons": "[]",
            "data_type": DT,
        },
    )
    out.append(Case("mcp_tool/plain", [], source=mcp_tool_source("app.mcp_tool()"), build=False))
    out.append(
        Case(
            "mcp_tool/metadata-and-property-below",
            [],
            source=mcp_tool_source(
                'app.mcp_tool(metadata=\'{"k": "v"}\', use_result_schema=True)',
                'app.mcp_tool_property("count", description="How many", '
                "property_type=func.McpPropertyType.INTEGER, as_array=True)",
                'app.mcp_tool_property("flag", is_required=False, description="A flag")',
            ),
            build=False,
        )
    )
    out.append(
        Case(
            "mcp_tool/mcp-content-return",
            [],
            source="@dec.mcp.mcp_content\nclass Snippet:\n    pass\n"
            + mcp_tool_source("app.mcp_tool()", returns="Snippet"),
            build=False,
        )
    )
    out.append(
        Case(
            "mcp_tool/property-above",
            [],
            source=mcp_tool_source(
                'app.mcp_tool_property("count", description="How many", '
                "property_type=func.McpPropertyType.INTEGER, as_array=True)",
                "app.mcp_tool()",
            ),
            build=False,
            fix="the reference silently ignores mcp_tool_property placed above mcp_tool; "
            "azfn applies it in any order",
            patch=tool_property(
                "count", description="How many", propertyType="integer", isArray=True
            ),
        )
    )
    out.append(
        Case(
            "mcp_tool/binding-above",
            [],
            source=mcp_tool_source("app.mcp_tool()", binding_above=True),
            build=False,
            fix="the reference only skips parameters bound by bindings declared below "
            "mcp_tool; azfn skips every binding's parameter, wherever it is declared",
            patch=drop_property("snippet"),
        )
    )
    out.append(
        Case(
            "mcp_tool/docstring",
            [],
            source=mcp_tool_source(
                "app.mcp_tool()",
                doc='"""Fetch a snippet.\n\n    Longer description.\n    """',
            ),
            build=False,
            fix="the reference dedents the docstring with textwrap.dedent, keeping "
            "the continuation lines' indentation; azfn uses inspect.cleandoc",
            patch=tool_key("description", "Fetch a snippet.\n\nLonger description."),
        )
    )
    out.append(
        Case(
            "mcp_tool/future-annotations",
            [],
            source=mcp_tool_source("app.mcp_tool()", future=True, optional="int | None"),
            build=False,
            fix="with `from __future__ import annotations` the reference sees string "
            "annotations: every property becomes a string and MCPToolContext is not "
            "skipped; azfn resolves the annotations (and reads `int | None` as optional)",
            patch=both(
                tool_property("count", propertyType="integer"),
                tool_property("ratio", propertyType="number"),
                tool_property("tags", isArray=True),
                tool_property("flag", propertyType="boolean"),
                tool_property("note", propertyType="integer"),
                tool_property("other", propertyType="object"),
                drop_property("ctx"),
            ),
        )
    )
    out.append(
        Case(
            "mcp_tool/pep604-optional",
            [],
            source=mcp_tool_source("app.mcp_tool()", optional="int | None"),
            build=False,
            fix="the reference does not see `int | None` as optional (only typing.Optional)",
            patch=tool_property("note", propertyType="integer"),
        )
    )

    # -- Positional use, enum strings in any case, extra keyword arguments --
    out.append(
        Case(
            "extras/camel-and-snake",
            [call("queue_output", "out", "q", "c", camelKey=1, snake_key=2, CapsKey=3, _private=4)],
        )
    )
    out.append(
        Case(
            "extras/nested-none",
            [call("blob_input", "file", "p", "c", nested={"a": None, "b": [1, None, {"c": None}]})],
        )
    )
    out.append(Case("extras/none-dropped", [call("blob_output", "out", "p", "c", dropped=None)]))
    out.append(
        Case(
            "enum/any-case",
            [
                call(
                    "service_bus_queue_trigger",
                    "msg",
                    "c",
                    "q",
                    "sTrInG",
                    "LISTEN",
                    None,
                    "Many",
                )
            ],
        )
    )
    out.append(
        Case(
            "positional/kafka-output",
            [call("kafka_output", "out", "topic", "brokers", "schema", None, "int")],
        )
    )
    out.append(
        Case(
            "stack/several-bindings",
            [
                call("queue_output", "out", "q", "c"),
                call("blob_input", "file", "p/{queueTrigger}", "c"),
                call("queue_trigger", "msg", "jobs", "c"),
            ],
        )
    )
    return out


def signatures(root: str) -> list[dict[str, Any]]:
    """Return every public decorator method of Blueprint with its parameters."""
    module = importlib.import_module(root)
    rows: list[dict[str, Any]] = []
    for name in sorted(dir(module.Blueprint)):
        attr = getattr(module.Blueprint, name)
        if name.startswith("_") or not callable(attr):
            continue
        params: list[dict[str, object]] = []
        for p in list(inspect.signature(attr).parameters.values())[1:]:
            default = p.default
            if default is inspect.Parameter.empty:
                encoded: object = {"$required": True}
            elif isinstance(default, module.decorators.utils.StringifyEnum):
                encoded = {"$enum": f"{type(default).__name__}.{default.name}"}
            else:
                encoded = default
            params.append({"name": p.name, "kind": p.kind.name, "default": encoded})
        rows.append({"method": name, "parameters": params})
    return rows


def module_names(root: str) -> dict[str, list[str]]:
    """Return the public names of each ``decorators`` module that come from the package."""
    names: dict[str, list[str]] = {}
    for name in ("", *MODULES):
        module = importlib.import_module(f"{root}.decorators{'.' if name else ''}{name}")
        found: list[str] = []
        for attr, value in vars(module).items():
            if attr.startswith("_") or isinstance(value, types.ModuleType):
                continue
            if isinstance(value, str) or (getattr(value, "__module__", "") or "").startswith(root):
                found.append(attr)
        names[name or "__init__"] = sorted(found)
    return names


def constants(root: str) -> dict[str, str]:
    """Return the binding type constants of ``decorators.constants``."""
    module = importlib.import_module(f"{root}.decorators.constants")
    return {k: v for k, v in vars(module).items() if k.isupper() and isinstance(v, str)}


def main() -> None:
    """Write golden.json from the reference."""
    logging.disable(logging.WARNING)  # the reference warns for every non-HTTP app
    root = "azure.functions"
    entries = [describe(root, case) for case in cases()]
    ids = [e["id"] for e in entries]
    if len(ids) != len(set(ids)):
        raise RuntimeError("duplicate case ids")
    data = {
        "reference": "azure-functions==1.26.0",
        "generated_by": "tests/bindings/make_golden.py",
        "cases": entries,
        "signatures": signatures(root),
        "module_names": module_names(root),
        "constants": constants(root),
        "durable": DURABLE,
    }
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(entries)} cases to {OUT}", file=sys.stderr)


#: The durable decorators need azure-functions-durable, which the reference
#: venv lacks; their metadata comes from running it (azure-functions-durable
#: 1.7.0, anchor inventory §2.5), recorded here by hand for the declarations.
DURABLE: list[dict[str, Any]] = [
    {
        "class": "OrchestrationTrigger",
        "kwargs": {"arg_name": "context"},
        "metadata": {"direction": "IN", "type": "orchestrationTrigger", "name": "context"},
    },
    {
        "class": "OrchestrationTrigger",
        "kwargs": {"arg_name": "context", "orchestration": "MyOrch"},
        "metadata": {
            "direction": "IN",
            "type": "orchestrationTrigger",
            "name": "context",
            "orchestration": "MyOrch",
        },
    },
    {
        "class": "EntityTrigger",
        "kwargs": {"arg_name": "context", "entity_name": "Counter"},
        "metadata": {
            "direction": "IN",
            "type": "entityTrigger",
            "name": "context",
            "entityName": "Counter",
        },
    },
    {
        "class": "ActivityTrigger",
        "kwargs": {"arg_name": "name", "activity": "Hello"},
        "metadata": {
            "direction": "IN",
            "type": "activityTrigger",
            "name": "name",
            "activity": "Hello",
        },
    },
    {
        "class": "DurableClient",
        "kwargs": {"arg_name": "client"},
        "metadata": {"direction": "IN", "type": "durableClient", "name": "client"},
    },
    {
        "class": "DurableClient",
        "kwargs": {"arg_name": "client", "task_hub": "Hub", "connection_name": "Storage"},
        "metadata": {
            "direction": "IN",
            "type": "durableClient",
            "name": "client",
            "taskHub": "Hub",
            "connectionName": "Storage",
        },
    },
]


if __name__ == "__main__":
    main()
