r"""``TriggerApi``: one decorator method per trigger.

Most methods are :class:`~azfn._app.decorators.binding_method`\ s made from a
declaration in ``azfn.bindings``; the few written out here do more than add
one binding (``route``, ``mcp_tool``, ``mcp_tool_property``) or need an
integration azfn does not have yet (the Durable Functions triggers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from typing import Any

from azfn._app.decorators import Decorator
from azfn._app.decorators import DecoratorApi
from azfn._app.decorators import binding_method
from azfn.bindings.blob import BlobTrigger
from azfn.bindings.connectors import ConnectorTrigger
from azfn.bindings.cosmosdb import CosmosDBTrigger
from azfn.bindings.cosmosdb import CosmosDBTriggerV3
from azfn.bindings.dapr import DaprBindingTrigger
from azfn.bindings.dapr import DaprServiceInvocationTrigger
from azfn.bindings.dapr import DaprTopicTrigger
from azfn.bindings.eventgrid import EventGridTrigger
from azfn.bindings.eventhub import EventHubTrigger
from azfn.bindings.generic import GenericTrigger
from azfn.bindings.http import HttpMethod
from azfn.bindings.http import HttpOutput
from azfn.bindings.http import HttpTrigger
from azfn.bindings.kafka import KafkaTrigger
from azfn.bindings.mcp import MCPPromptTrigger
from azfn.bindings.mcp import MCPResourceTrigger
from azfn.bindings.mcp import MCPToolTrigger
from azfn.bindings.mcp import ToolProperty
from azfn.bindings.mcp import declare_property
from azfn.bindings.mysql import MySqlTrigger
from azfn.bindings.openai import AssistantSkillTrigger
from azfn.bindings.queue import QueueTrigger
from azfn.bindings.servicebus import ServiceBusQueueTrigger
from azfn.bindings.servicebus import ServiceBusTopicTrigger
from azfn.bindings.sql import SqlTrigger
from azfn.bindings.timer import TimerTrigger
from azfn.bindings.warmup import WarmUpTrigger
from azfn.errors import IntegrationUnavailableError

if TYPE_CHECKING:
    from collections.abc import Callable
    from collections.abc import Iterable
    from collections.abc import Mapping

    from azfn._builder import FunctionBuilder
    from azfn.bindings._base import Binding
    from azfn.enums import AuthLevel
    from azfn.enums import McpPropertyType

__all__ = ["TriggerApi", "durable_unavailable"]

# The output of almost every HTTP function: bindings are immutable, so one
# instance (and its rendered JSON) is shared.
_RETURN_OUTPUT = HttpOutput("$return")


def durable_unavailable(method: str, declaration: str) -> IntegrationUnavailableError:
    """Return the error a Durable Functions decorator raises for now."""
    return IntegrationUnavailableError(
        f"app.{method}() needs azfn's Durable Functions integration, which is not "
        f"available yet (the metadata is declared as azfn.bindings.durable."
        f"{declaration}). Meanwhile, keep a Durable Functions app on azure-functions "
        "with azure-functions-durable (import azure.durable_functions as df; "
        "app = df.DFApp()), and move its other functions to azfn separately if "
        "you want to"
    )


def _merge(
    method: str, named: Mapping[str, object], extra: Mapping[str, object] | None
) -> dict[str, object]:
    merged = dict(named)
    for key, value in (extra or {}).items():
        if merged.get(key) is not None:
            raise TypeError(
                f"{method}() got {key!r} both as an argument and in its extra fields; give it once"
            )
        merged[key] = value
    return merged


def _unwrap(func: Callable[..., object]) -> Callable[..., object]:
    import inspect  # only for MCP tools: a heavy module at import time

    unwrapped: Callable[..., object] = inspect.unwrap(func)
    return unwrapped


class TriggerApi(DecoratorApi):
    """Decorators that declare a function's trigger."""

    def route(  # the reference's signature: positional use works
        self,
        route: str | None = None,
        trigger_arg_name: str = "req",
        binding_arg_name: str = "$return",
        methods: Iterable[HttpMethod | str] | None = None,
        auth_level: AuthLevel | str | None = None,
        trigger_extra_fields: Mapping[str, object] | None = None,
        binding_extra_fields: Mapping[str, object] | None = None,
    ) -> Decorator:
        """Run the function for HTTP requests to *route* (an ``httpTrigger``).

        Adds the trigger and an ``http`` output, named *binding_arg_name*
        (the return value by default). *route* defaults to the function name
        and *auth_level* to the app's level, both when the app is indexed.
        """
        if trigger_extra_fields:
            trigger = HttpTrigger.create(
                (),
                _merge(
                    "route",
                    {
                        "arg_name": trigger_arg_name,
                        "methods": methods,
                        "auth_level": auth_level,
                        "route": route,
                    },
                    trigger_extra_fields,
                ),
                extras=True,
            )
        else:  # the common case, without the merge
            trigger = HttpTrigger(
                arg_name=trigger_arg_name, methods=methods, auth_level=auth_level, route=route
            )
        if binding_arg_name == "$return" and not binding_extra_fields:
            output = _RETURN_OUTPUT  # immutable: one instance serves every route
        else:
            output = HttpOutput.create(
                (),
                _merge("route", {"arg_name": binding_arg_name}, binding_extra_fields),
                extras=True,
            )
        return self._binding_decorator(trigger, output)

    timer_trigger = binding_method(TimerTrigger)
    schedule = timer_trigger
    warm_up_trigger = binding_method(WarmUpTrigger)
    queue_trigger = binding_method(QueueTrigger)
    blob_trigger = binding_method(BlobTrigger)
    event_hub_message_trigger = binding_method(EventHubTrigger)
    service_bus_queue_trigger = binding_method(ServiceBusQueueTrigger)
    service_bus_topic_trigger = binding_method(ServiceBusTopicTrigger)
    cosmos_db_trigger_v3 = binding_method(CosmosDBTriggerV3)
    cosmos_db_trigger = binding_method(CosmosDBTrigger)
    event_grid_trigger = binding_method(EventGridTrigger)
    kafka_trigger = binding_method(KafkaTrigger)
    sql_trigger = binding_method(SqlTrigger)
    mysql_trigger = binding_method(MySqlTrigger)
    generic_trigger = binding_method(GenericTrigger)
    connector_trigger = binding_method(ConnectorTrigger)
    dapr_service_invocation_trigger = binding_method(DaprServiceInvocationTrigger)
    dapr_binding_trigger = binding_method(DaprBindingTrigger)
    dapr_topic_trigger = binding_method(DaprTopicTrigger)
    assistant_skill_trigger = binding_method(AssistantSkillTrigger)
    mcp_tool_trigger = binding_method(MCPToolTrigger)
    mcp_resource_trigger = binding_method(MCPResourceTrigger)
    mcp_prompt_trigger = binding_method(MCPPromptTrigger)

    def mcp_tool(
        self, metadata: str | None = None, use_result_schema: bool | None = False
    ) -> Decorator:
        """Serve the function as an MCP tool (an ``mcpToolTrigger`` named ``context``).

        The tool's name is the function's name, its description the
        docstring, and its properties the parameters not fed by another
        binding nor annotated ``MCPToolContext`` (typed from the annotations;
        required unless they have a default or are optional). Refine one
        with :meth:`mcp_tool_property`, above or below this decorator.
        *use_result_schema* turns on by itself when the function returns an
        MCP SDK type or an ``@mcp_content`` class.

        Args:
            metadata: JSON object (as a string) of tool metadata.
            use_result_schema: The function returns an MCP result rather
                than a string.
        """

        def change(builder: FunctionBuilder[..., Any]) -> None:
            # Fix: asked when rendered, so bindings declared above mcp_tool are
            # skipped too (the reference only knew those below it).
            def bound_names() -> list[str]:
                return self._names_beside(trigger)

            trigger = MCPToolTrigger.for_function(
                _unwrap(builder),
                bound_names,
                metadata=metadata,
                use_result_schema=use_result_schema,
            )
            builder.add_binding(trigger)

        return self._decorator(change)

    def _names_beside(self, binding: Binding) -> list[str]:
        """Return the names of the other bindings of the function declaring *binding*.

        Searched for, rather than remembered: a user decorator between two of
        ours moves the record to a new builder.
        """
        for builder in self._function_builders:
            bindings = builder._bindings  # same package
            if any(b is binding for b in bindings):
                return [b.name for b in bindings if b is not binding]
        return []

    def mcp_tool_property(
        self,
        arg_name: str,
        description: str | None = None,
        property_type: McpPropertyType | str | None = None,
        is_required: bool | None = True,
        as_array: bool | None = False,
    ) -> Decorator:
        """Describe the MCP tool property *arg_name* (see :meth:`mcp_tool`).

        Works above or below ``@app.mcp_tool()``. *is_required* and
        *as_array* replace what the annotation says; *description* and
        *property_type* only when given.
        """
        prop = ToolProperty(description, property_type, is_required, as_array)
        # Fix: recorded on the function and read when the tool is rendered, so
        # the order of the decorators does not matter (the reference ignored it
        # above mcp_tool).

        def change(builder: FunctionBuilder[..., Any]) -> None:
            func = _unwrap(builder)
            try:
                declare_property(func, arg_name, prop)
            except (AttributeError, TypeError):
                builder.add_problem(
                    f"mcp_tool_property({arg_name!r}) cannot record the property on "
                    f"{func!r}: decorate a plain function"
                )

        return self._decorator(change)

    def orchestration_trigger(
        self, context_name: str, orchestration: str | None = None
    ) -> Decorator:
        """Declare an orchestrator (needs the Durable Functions integration).

        Raises:
            IntegrationUnavailableError: always, for now.
        """
        raise durable_unavailable("orchestration_trigger", "OrchestrationTrigger")

    def entity_trigger(self, context_name: str, entity_name: str | None = None) -> Decorator:
        """Declare an entity function (needs the Durable Functions integration).

        Raises:
            IntegrationUnavailableError: always, for now.
        """
        raise durable_unavailable("entity_trigger", "EntityTrigger")

    def activity_trigger(self, input_name: str, activity: str | None = None) -> Decorator:
        """Declare an activity (needs the Durable Functions integration).

        Raises:
            IntegrationUnavailableError: always, for now.
        """
        raise durable_unavailable("activity_trigger", "ActivityTrigger")
