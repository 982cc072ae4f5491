"""``azure.functions.decorators.dapr`` for azfn: the Dapr bindings."""

from __future__ import annotations

from azfn.bindings._base import InputBinding
from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.bindings.dapr import DaprBindingOutput
from azfn.bindings.dapr import DaprBindingTrigger
from azfn.bindings.dapr import DaprInvokeOutput
from azfn.bindings.dapr import DaprPublishOutput
from azfn.bindings.dapr import DaprSecretInput
from azfn.bindings.dapr import DaprServiceInvocationTrigger
from azfn.bindings.dapr import DaprStateInput
from azfn.bindings.dapr import DaprStateOutput
from azfn.bindings.dapr import DaprTopicTrigger
from azfn.decorators.constants import DAPR_BINDING
from azfn.decorators.constants import DAPR_BINDING_TRIGGER
from azfn.decorators.constants import DAPR_INVOKE
from azfn.decorators.constants import DAPR_PUBLISH
from azfn.decorators.constants import DAPR_SECRET
from azfn.decorators.constants import DAPR_SERVICE_INVOCATION_TRIGGER
from azfn.decorators.constants import DAPR_STATE
from azfn.decorators.constants import DAPR_TOPIC_TRIGGER
from azfn.enums import DataType

__all__ = [
    "DAPR_BINDING",
    "DAPR_BINDING_TRIGGER",
    "DAPR_INVOKE",
    "DAPR_PUBLISH",
    "DAPR_SECRET",
    "DAPR_SERVICE_INVOCATION_TRIGGER",
    "DAPR_STATE",
    "DAPR_TOPIC_TRIGGER",
    "DaprBindingOutput",
    "DaprBindingTrigger",
    "DaprInvokeOutput",
    "DaprPublishOutput",
    "DaprSecretInput",
    "DaprServiceInvocationTrigger",
    "DaprStateInput",
    "DaprStateOutput",
    "DaprTopicTrigger",
    "DataType",
    "InputBinding",
    "OutputBinding",
    "Trigger",
]
