"""Dapr: triggers and bindings of the Dapr extension."""

from __future__ import annotations

from azfn.bindings._base import InputBinding
from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.enums import DataType

__all__ = [
    "DaprBindingOutput",
    "DaprBindingTrigger",
    "DaprInvokeOutput",
    "DaprPublishOutput",
    "DaprSecretInput",
    "DaprServiceInvocationTrigger",
    "DaprStateInput",
    "DaprStateOutput",
    "DaprTopicTrigger",
]


class DaprServiceInvocationTrigger(Trigger):
    """Run the function when another Dapr app invokes *method_name*."""

    type = "daprServiceInvocationTrigger"
    arg_name: str
    method_name: str
    data_type: DataType | str | None = None


class DaprBindingTrigger(Trigger):
    """Run the function for events of a Dapr input binding."""

    type = "daprBindingTrigger"
    arg_name: str
    binding_name: str
    data_type: DataType | str | None = None


class DaprTopicTrigger(Trigger):
    """Run the function for messages published on a Dapr pub/sub topic."""

    type = "daprTopicTrigger"
    arg_name: str
    pub_sub_name: str
    topic: str
    route: str | None = None
    """Endpoint the subscription delivers to; defaults to *topic*."""
    data_type: DataType | str | None = None

    def __post_init__(self) -> None:
        if not self.route:  # as the reference: an empty route is the topic too
            object.__setattr__(self, "route", self.topic)


class DaprStateInput(InputBinding):
    """Read a value from a Dapr state store."""

    type = "daprState"
    arg_name: str
    state_store: str
    key: str
    dapr_address: str | None = None
    """Address of the Dapr sidecar, when not the default."""
    data_type: DataType | str | None = None


class DaprSecretInput(InputBinding):
    """Read a secret from a Dapr secret store."""

    type = "daprSecret"
    arg_name: str
    secret_store_name: str
    key: str
    metadata: str
    """Secret-store metadata (``metadata.namespace=default``)."""
    dapr_address: str | None = None
    data_type: DataType | str | None = None


class DaprStateOutput(OutputBinding):
    """Save a value to a Dapr state store."""

    type = "daprState"
    arg_name: str
    state_store: str
    key: str
    dapr_address: str | None = None
    data_type: DataType | str | None = None


class DaprInvokeOutput(OutputBinding):
    """Invoke a method of another Dapr app."""

    type = "daprInvoke"
    arg_name: str
    app_id: str
    method_name: str
    http_verb: str
    dapr_address: str | None = None
    data_type: DataType | str | None = None


class DaprPublishOutput(OutputBinding):
    """Publish to a Dapr pub/sub topic."""

    type = "daprPublish"
    arg_name: str
    pub_sub_name: str
    topic: str
    dapr_address: str | None = None
    data_type: DataType | str | None = None


class DaprBindingOutput(OutputBinding):
    """Send to a Dapr output binding."""

    type = "daprBinding"
    arg_name: str
    binding_name: str
    operation: str
    """The binding's operation (``create``)."""
    dapr_address: str | None = None
    data_type: DataType | str | None = None
