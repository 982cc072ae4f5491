"""The reference's binding bugs azfn fixes, and bad values reported as problems."""

from __future__ import annotations

import datetime
import json
from typing import Generic
from typing import TypeVar

import pytest

import azfn as func
from azfn.bindings.blob import BlobTrigger
from azfn.bindings.cosmosdb import CosmosDBTrigger
from azfn.bindings.dapr import DaprTopicTrigger
from azfn.bindings.eventgrid import EventGridOutput
from azfn.bindings.kafka import BrokerAuthenticationMode
from azfn.bindings.kafka import BrokerProtocol
from azfn.bindings.kafka import KafkaOutput
from azfn.bindings.kafka import KafkaTrigger
from azfn.bindings.kafka import OAuthBearerMethod
from azfn.bindings.mcp import MCPPromptTrigger
from azfn.bindings.mcp import PromptArgument
from azfn.bindings.openai import EmbeddingsInput
from azfn.bindings.openai import InputType
from azfn.bindings.openai import SemanticSearchInput
from azfn.bindings.openai import TextCompletionInput
from azfn.bindings.servicebus import ServiceBusQueueTrigger
from azfn.enums import BlobSource
from azfn.enums import Cardinality

T = TypeVar("T")


class Out(Generic[T]):
    """Stands in for ``func.Out``: the worker checks the class name."""


def _messages(app: func.FunctionApp) -> list[str]:
    return [p.message for p in app.validate()]


# -- OpenAI --------------------------------------------------------------------------------


def test_default_models_render_as_model_ids() -> None:
    """The default chat and embeddings models are written as the ids the extension needs."""
    search = SemanticSearchInput("result", "Search", "docs").to_metadata()
    assert search["chatModel"] == "gpt-3.5-turbo"
    assert search["embeddingsModel"] == "text-embedding-ada-002"
    assert TextCompletionInput("r", "p").to_metadata()["chatModel"] == "gpt-3.5-turbo"


def test_any_model_string_passes_unchanged() -> None:
    """Model names are open-ended: a string is written as given, in any case."""
    binding = TextCompletionInput("r", "p", chat_model="GPT-4o-Mini")
    assert binding.chat_model == "GPT-4o-Mini"
    assert binding.to_metadata()["chatModel"] == "GPT-4o-Mini"
    assert binding.problems() == []


def test_input_type_is_its_value() -> None:
    """InputType.RawText is "raw_text" (not a tuple) and is written so."""
    assert InputType.RawText.value == "raw_text"
    assert InputType("raw_text") is InputType.RawText
    binding = EmbeddingsInput("e", "{text}", InputType.RawText)
    assert binding.to_metadata()["inputType"] == "raw_text"
    assert EmbeddingsInput("e", "{url}", "url").to_metadata()["inputType"] == "url"


def test_open_enums_reject_non_strings() -> None:
    """A model that is not a string is reported, not written."""
    binding = TextCompletionInput("r", "p", chat_model=3)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    assert any("chat_model" in p for p in binding.problems())


# -- Kafka ---------------------------------------------------------------------------------


def test_oauth_bearer_method_default_is_not_a_tuple() -> None:
    """OAuthBearerMethod.DEFAULT is 0, as the extension numbers it."""
    assert OAuthBearerMethod.DEFAULT.value == 0
    assert OAuthBearerMethod.parse("default") is OAuthBearerMethod.DEFAULT


def test_kafka_string_defaults_are_parsed() -> None:
    """The reference's string defaults ("NotSet", "One") become enum members."""
    trigger = KafkaTrigger("event", "topic", "brokers")
    assert trigger.authentication_mode is BrokerAuthenticationMode.NOTSET
    assert trigger.protocol is BrokerProtocol.NOTSET
    assert trigger.cardinality is Cardinality.ONE
    assert KafkaOutput("out", "topic", "brokers").protocol is BrokerProtocol.NOTSET


# -- Cosmos DB -----------------------------------------------------------------------------


def test_cosmos_start_options_take_a_bool_and_a_datetime() -> None:
    """start_from_beginning is a flag and a datetime start_from_time is written as ISO 8601."""
    when = datetime.datetime(2021, 2, 16, 14, 19, 29, tzinfo=datetime.timezone.utc)
    trigger = CosmosDBTrigger(
        "docs", "Cosmos", "db", "items", start_from_beginning=True, start_from_time=when
    )
    metadata = trigger.to_metadata()
    assert metadata["startFromBeginning"] is True
    assert metadata["startFromTime"] == "2021-02-16T14:19:29+00:00"
    assert trigger.problems() == []
    json.dumps(metadata)


def test_cosmos_start_time_of_day_is_a_problem() -> None:
    """A datetime.time (the reference's annotation) is reported: it is no start time."""
    trigger = CosmosDBTrigger(
        "docs",
        "Cosmos",
        "db",
        "items",
        start_from_time=datetime.time(14, 19),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    )
    assert any("start_from_time" in p for p in trigger.problems())


def test_reused_cosmos_decorator_shares_no_mutable_state() -> None:
    """One decorator object on two functions gives two independent records."""
    app = func.FunctionApp()
    decorator = app.cosmos_db_trigger("docs", "Cosmos", "db", "items")

    @decorator
    def first(docs: str) -> None: ...

    @decorator
    def second(docs: str) -> None: ...

    one, two = (f.get_trigger() for f in app.get_functions())
    assert one is not None
    assert two is not None
    with pytest.raises(AttributeError):
        one.arg_name = "changed"
    changed = one.replace(database_name="other")
    assert two.to_metadata()["databaseName"] == "db"
    assert changed.to_metadata()["databaseName"] == "other"


# -- Blob ----------------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["eventgrid", "EVENTGRID", "EventGrid", BlobSource.EVENT_GRID])
def test_blob_source_is_parsed_in_any_case(source: str) -> None:
    """A source string in any case (or the member) is written as the host's "EventGrid"."""
    trigger = BlobTrigger("blob", "p/{name}", "Storage", source=source)
    assert trigger.source is BlobSource.EVENT_GRID
    assert trigger.to_metadata()["source"] == "EventGrid"


# -- Dapr, MCP prompt ------------------------------------------------------------------------


@pytest.mark.parametrize("route", [None, ""])
def test_dapr_topic_route_defaults_to_the_topic(route: str | None) -> None:
    """An absent or empty route is the topic, as in the reference."""
    assert DaprTopicTrigger("p", "pubsub", "orders", route=route).route == "orders"
    assert DaprTopicTrigger("p", "pubsub", "orders", route="/r").route == "/r"


def test_prompt_arguments_become_compact_json() -> None:
    """PromptArgument lists are written as the compact JSON string the host reads."""
    trigger = MCPPromptTrigger("ctx", "p", [PromptArgument("topic", "the topic", True)])
    expected = '[{"name":"topic","description":"the topic","required":true}]'
    assert trigger.to_metadata()["promptArguments"] == expected
    assert trigger.replace(title="t").prompt_arguments == expected
    assert "promptArguments" not in MCPPromptTrigger("ctx", "p", []).to_metadata()


def test_prompt_arguments_of_the_wrong_type_are_a_problem() -> None:
    """Anything but PromptArgument objects or a JSON string is reported."""
    trigger = MCPPromptTrigger("ctx", "p", [{"name": "x"}])  # type: ignore[list-item]  # pyright: ignore[reportArgumentType]
    assert any("prompt_arguments" in p for p in trigger.problems())


# -- bad values are problems, all reported when the app is indexed --------------------------


def test_bad_enum_values_are_reported_not_raised() -> None:
    """cardinality="several" and friends are listed by validate(), each with its field."""
    app = func.FunctionApp()

    @app.service_bus_queue_trigger(
        "msg", "Bus", "q", data_type="text", access_rights="all", cardinality="several"
    )
    def handle(msg: str) -> None: ...

    messages = _messages(app)
    for field in ("cardinality", "access_rights", "data_type"):
        assert any(field in m for m in messages), field
    assert any("'ONE'" in m and "'MANY'" in m for m in messages)
    with pytest.raises(func.FunctionLoadError):
        app.get_functions()


def test_bad_enum_value_on_a_declaration() -> None:
    """A declaration keeps a bad value and reports it through problems()."""
    trigger = ServiceBusQueueTrigger("msg", "Bus", "q", cardinality="several")
    assert trigger.cardinality == "several"
    (problem,) = trigger.problems()
    assert problem.startswith("cardinality:")


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"topic_endpoint_uri": "Uri"},
        {"topic_key_setting": "Key"},
        {"connection": "EG", "topic_endpoint_uri": "Uri"},
        {"connection": "EG", "topic_endpoint_uri": "Uri", "topic_key_setting": "Key"},
    ],
)
def test_event_grid_output_needs_connection_or_topic_settings(kwargs: dict[str, str]) -> None:
    """A wrong mix of Event Grid settings is a problem, with the reference's text and a hint."""
    (problem,) = EventGridOutput("out", **kwargs).problems()
    assert problem.startswith(
        "Specify either the 'Connection' property or both 'TopicKeySetting' and "
        "'TopicEndpointUri' properties, but not both"
    )
    assert "connection" in problem.split(":", 1)[1]


@pytest.mark.parametrize(
    "kwargs",
    [{"connection": "EG"}, {"topic_endpoint_uri": "Uri", "topic_key_setting": "Key"}],
)
def test_event_grid_output_valid_settings(kwargs: dict[str, str]) -> None:
    """Connection alone, or both topic settings, is fine."""
    assert EventGridOutput("out", **kwargs).problems() == []


def test_event_grid_output_problem_is_reported_at_index() -> None:
    """The decorator does not raise; validate() reports the problem with every other."""
    app = func.FunctionApp()

    @app.event_grid_output("out")
    @app.event_hub_message_trigger("msg", "Hub", "hub", cardinality="x")
    def relay(msg: str, out: Out[str]) -> None: ...

    messages = _messages(app)
    assert any("'Connection' property" in m for m in messages)
    assert any("cardinality" in m for m in messages)


def test_table_bindings_take_no_extra_keywords() -> None:
    """As in the reference, table_input/table_output refuse unknown keywords."""
    app = func.FunctionApp()
    with pytest.raises(TypeError, match="extra"):
        app.table_input("row", "Storage", "tbl", extra=1)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    with pytest.raises(TypeError, match="extra"):
        app.table_output("row", "Storage", "tbl", extra=1)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]


def test_bad_extra_key_is_a_problem() -> None:
    """An extra keyword that is neither a word nor snake case is reported."""
    trigger = BlobTrigger.create(("b", "p", "c"), {"bad-key": 1}, extras=True)
    assert any("bad-key" in p for p in trigger.problems())
